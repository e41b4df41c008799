package io.kefu.api.nlu;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Understanding of customer messages in their conversation: every registered intent classifier, entity extractor
 * and sentiment analyzer, combined with what the conversation said before. Results are stored, so agents see the
 * NLU result of each message.
 */
@ProviderType
public interface Understanding {
    /** Understands a customer message and updates its conversation's {@link DialogueState}. */
    NluResult understand(String conversationId, String messageId, String text);

    Optional<DialogueState> state(String conversationId);

    /** The stored results of a conversation's messages, oldest first. */
    List<NluResult> results(String conversationId);

    /** The intents analysts maintain, with their slots and handoff settings. */
    List<IntentDefinition> intents();

    Optional<IntentDefinition> intent(String name);
}
