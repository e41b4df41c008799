package io.kefu.nlu.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The training-file format (docs/nlu.md): a JSON document {@code {"format": "kefu-intents/1", "intents": [...]}},
 * each intent with a name, a description, the slots it needs, whether only a person handles it, and its examples
 * per language ({@code zh}, {@code en}). The demo shop's intents ship in this format and analysts import and export
 * it from the workbench.
 */
public record IntentFile(String format, String description, List<Intent> intents) {
    static final String FORMAT = "kefu-intents/1";
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    static final Set<String> LANGUAGES = Set.of("zh", "en");
    static final int MAX_EXAMPLE_CHARS = 500;

    /** {@code requiredSlots}, {@code humanOnly} (false) and {@code examples} may be left out. */
    public record Intent(String name, String description, List<String> requiredSlots, Boolean humanOnly,
            Map<String, List<String>> examples) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    static IntentFile read(InputStream in) throws IOException {
        IntentFile file = JSON.readValue(in, IntentFile.class);
        List<String> problems = file.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return file;
    }

    /** Everything wrong with the file, each naming the intent it is about; empty when the file is good. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!FORMAT.equals(format)) {
            problems.add("format must be \"" + FORMAT + "\", was " + format);
        }
        if (intents == null || intents.isEmpty()) {
            problems.add("no intents");
            return problems;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < intents.size(); i++) {
            Intent intent = intents.get(i);
            String where = "intents[" + i + "]" + (intent.name() == null ? "" : " (" + intent.name() + ")");
            if (intent.name() == null || !NAME.matcher(intent.name()).matches()) {
                problems.add(where + ": name must be lower case letters, digits and '_' (at most 64)");
            } else if (!seen.add(intent.name())) {
                problems.add(where + ": name used twice");
            }
            if (intent.description() != null && intent.description().length() > 500) {
                problems.add(where + ": description longer than 500 characters");
            }
            for (String slot : intent.requiredSlots() == null ? List.<String>of() : intent.requiredSlots()) {
                if (slot == null || !NAME.matcher(slot).matches()) {
                    problems.add(where + ": slot '" + slot + "' must be an entity type such as order_number");
                }
            }
            if (intent.examples() != null) {
                for (Map.Entry<String, List<String>> e : intent.examples().entrySet()) {
                    if (!LANGUAGES.contains(e.getKey())) {
                        problems.add(where + ": language '" + e.getKey() + "' is not one of " + LANGUAGES);
                    }
                    for (String example : e.getValue()) {
                        if (example == null || example.isBlank() || example.length() > MAX_EXAMPLE_CHARS) {
                            problems.add(where + ": an example must have 1-" + MAX_EXAMPLE_CHARS + " characters");
                        }
                    }
                }
            }
        }
        return problems;
    }
}
