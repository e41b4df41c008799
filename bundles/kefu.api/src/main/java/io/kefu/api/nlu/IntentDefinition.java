package io.kefu.api.nlu;

import java.util.List;

/**
 * An intent analysts maintain: its name (such as {@code order_status}), what it means, the slots the bot must
 * fill before it can answer (entity types such as {@code order_number}), and whether only a person may handle it
 * (complaints, say). {@code examples} counts the training examples.
 */
public record IntentDefinition(String name, String description, List<String> requiredSlots, boolean humanOnly,
        int examples) {
    public IntentDefinition {
        requiredSlots = List.copyOf(requiredSlots);
    }
}
