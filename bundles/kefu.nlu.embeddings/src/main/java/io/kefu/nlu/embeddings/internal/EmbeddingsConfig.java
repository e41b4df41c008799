package io.kefu.nlu.embeddings.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code kefu.nlu.embeddings}, in {@code conf/kefu.nlu.embeddings.cfg}; optional (both encoders
 * load by default). A change restarts the component: every encoder is unregistered and freed, and those still
 * switched on load again (half a second each) and come back.
 */
@ObjectClassDefinition(name = "Kefu sentence embeddings",
        description = "Which sentence encoders the embeddings plug-in loads and offers to the intent engine")
@interface EmbeddingsConfig {
    @AttributeDefinition(name = "English", description = "Load bge-small-en-v15-q (English, 384 dimensions): about"
            + " half a second and 70-150 MB of process memory; the first model loaded also starts ONNX Runtime.")
    boolean english() default true;

    @AttributeDefinition(name = "Chinese", description = "Load bge-small-zh-v15-q (Chinese, 512 dimensions): about"
            + " half a second and 50-85 MB of process memory.")
    boolean chinese() default true;
}
