package io.kefu.nlu.embeddings.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One model as a langchain4j embedding model whose ONNX session this plug-in owns and closes.
 *
 * <p>Why not langchain4j's ready-made classes: they keep their model in a static field, for the life of the class
 * loader. And ONNX Runtime registers a JVM shutdown hook when its environment is created, which keeps this
 * bundle's class loader (and with it every static field) alive until the JVM ends, however often the plug-in is
 * updated or removed; measured, each update would have kept another 150 MB of process memory. With the session
 * created here, deactivation closes it and frees the model's native memory; the tokenizer behind it is freed by
 * its finalizer once unreferenced. What an update still leaves behind is the old revision's classes and loaded
 * native libraries.
 *
 * <p>The encoding itself (tokenizing, splitting long text into 510-token pieces, pooling, normalising) is
 * langchain4j's. Single texts run on the calling thread; the direct executor only keeps langchain4j from creating
 * a thread pool it would use for lists.
 */
final class OnnxModel extends AbstractInProcessEmbeddingModel implements AutoCloseable {
    private final int dimension;
    private final OrtSession session;
    private final OnnxBertBiEncoder encoder;

    private OnnxModel(int dimension, OrtSession session, OnnxBertBiEncoder encoder) {
        super(Runnable::run);
        this.dimension = dimension;
        this.session = session;
        this.encoder = encoder;
    }

    /** Loads the model; needs this bundle's context class loader (DJL finds its native through it). */
    static OnnxModel load(EncoderModel model) {
        byte[] onnx = read(model.modelFile());
        try (InputStream tokenizer = open(model.tokenizerFile())) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session;
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                session = environment.createSession(onnx, options);
            }
            try {
                return new OnnxModel(model.dimension(), session,
                        new OnnxBertBiEncoder(environment, session, tokenizer, model.pooling()));
            } catch (RuntimeException | LinkageError e) {
                closeQuietly(session);
                throw e;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load " + model.modelFile() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = OnnxModel.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not on this bundle's class path");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }

    /** Frees the session. The caller makes sure no encoding runs on it any more (OnnxSentenceEncoder's lock). */
    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException | RuntimeException e) {
            // closing twice, or a session ONNX Runtime already released at JVM exit: nothing left to free
        }
    }
}
