package io.kefu.nlu.embeddings.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code kefu.nlu.embeddings}, in {@code conf/kefu.nlu.embeddings.cfg}; optional (both encoders
 * load by default). A change restarts the component: every encoder is unregistered and freed, and those still
 * switched on load again (a second or less each) and come back.
 */
@ObjectClassDefinition(name = "Kefu sentence embeddings",
        description = "Which sentence encoders the embeddings plug-in loads and offers to the intent engine")
@interface EmbeddingsConfig {
    @AttributeDefinition(name = "English", description = "Load bge-small-en-v15-q (English, 384 dimensions):"
            + " 0.8 s and about 140 MB of process memory, with ONNX Runtime itself, which the first model loaded starts.")
    boolean english() default true;

    @AttributeDefinition(name = "Chinese", description = "Load bge-small-zh-v15-q (Chinese, 512 dimensions):"
            + " 0.2-1 s and about 40 MB of process memory.")
    boolean chinese() default true;
}
