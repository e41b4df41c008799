package io.kefu.nlu.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code kefu.nlu}, in {@code conf/kefu.nlu.cfg}; applied while running. */
@ObjectClassDefinition(name = "Kefu NLU", description = "The built-in intent engine and dialogue memory")
@interface NluConfig {
    @AttributeDefinition(description = "Below this calibrated confidence a message is out of scope (no known intent)."
            + " Training replaces it when the examples include an out_of_scope intent.", min = "0", max = "1")
    double outOfScopeThreshold() default 0.45;

    @AttributeDefinition(description = "A follow-up message below this confidence keeps the intent already being"
            + " discussed in the conversation instead of starting a new one.", min = "0", max = "1")
    double newIntentConfidence() default 0.6;
}
