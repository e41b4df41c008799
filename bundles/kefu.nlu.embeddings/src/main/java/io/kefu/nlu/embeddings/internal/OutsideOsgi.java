package io.kefu.nlu.embeddings.internal;

import io.kefu.api.spi.SentenceEncoder;
import java.nio.file.Path;

/**
 * The encoders for tools that run on a plain class path, such as the evaluation tool (bundles/kefu.evaluation):
 * the same models and text handling as in the runtime, without the OSGi component around them. Not exported: in
 * OSGi the encoders are only reached as {@link SentenceEncoder} services.
 */
public final class OutsideOsgi {
    private OutsideOsgi() {
    }

    /** The encoder of that model name (EncoderModel); the tokenizer's native is unpacked under {@code nativeFolder}. */
    public static SentenceEncoder named(String model, Path nativeFolder) {
        for (EncoderModel m : EncoderModel.values()) {
            if (m.modelName().equals(model)) {
                return NativeFolders.loading(nativeFolder, () -> OnnxSentenceEncoder.load(m));
            }
        }
        throw new IllegalArgumentException("no encoder model " + model + "; there are "
                + java.util.Arrays.stream(EncoderModel.values()).map(EncoderModel::modelName).toList());
    }
}
