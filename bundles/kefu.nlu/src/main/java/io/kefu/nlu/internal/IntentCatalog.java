package io.kefu.nlu.internal;

import io.kefu.api.nlu.IntentDefinition;
import io.kefu.nlu.internal.NluRows.ExampleRow;
import io.kefu.nlu.internal.NluRows.IntentCount;
import io.kefu.nlu.internal.NluRows.IntentRow;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intents and training examples analysts maintain, in the database. On the very first start it is filled with
 * the demo shop's intents (resources nlu/intents.json), so that a new Kefu already has a working bot.
 */
@Component(service = IntentCatalog.class)
public final class IntentCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(IntentCatalog.class);
    static final String DEMO = "/nlu/intents.json";

    private final NluData data;
    private final Clock clock;

    @Activate
    public IntentCatalog(@Reference NluData data) {
        this(data, Clock.systemUTC());
    }

    /**
     * Fills an empty catalog with the demo intents; returns the examples added (0 when there were intents already).
     * Called by the intent engine's warm-up thread, not at activation, so that start-up does not wait for it.
     */
    int seedDemoIfEmpty() {
        if (!data.read(NluMapper::intents).isEmpty()) {
            return 0;
        }
        try (InputStream in = IntentCatalog.class.getResourceAsStream(DEMO)) {
            int added = importFile(IntentFile.read(in), "kefu");
            LOG.info("Loaded the demo intents: {} examples", added);
            return added;
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not load the demo intents from {}", DEMO, e);
            return 0;
        }
    }

    IntentCatalog(NluData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    List<IntentDefinition> intents() {
        Map<String, Integer> counts = data.read(NluMapper::exampleCounts).stream()
                .collect(Collectors.toMap(IntentCount::intent, IntentCount::examples));
        return data.read(NluMapper::intents).stream().map(r -> definition(r, counts.getOrDefault(r.name(), 0))).toList();
    }

    Optional<IntentDefinition> intent(String name) {
        IntentRow row = data.read(m -> m.intent(name));
        if (row == null) {
            return Optional.empty();
        }
        int examples = data.read(m -> m.examplesOf(name)).size();
        return Optional.of(definition(row, examples));
    }

    private static IntentDefinition definition(IntentRow row, int examples) {
        return new IntentDefinition(row.name(), row.description(), slots(row.requiredSlots()), row.humanOnly(), examples);
    }

    static List<String> slots(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    /** Creates or changes an intent's description, slots and handoff setting. Returns true when it was new. */
    boolean save(String name, String description, List<String> requiredSlots, boolean humanOnly, String by) {
        IntentRow row = new IntentRow(name, description == null ? "" : description, String.join(",", requiredSlots),
                humanOnly, by, clock.instant());
        return data.write(m -> {
            if (m.updateIntent(row) == 0) {
                m.insertIntent(row);
                return true;
            }
            return false;
        });
    }

    boolean delete(String name) {
        return data.write(m -> {
            m.deleteExamplesOf(name);
            return m.deleteIntent(name) > 0;
        });
    }

    List<ExampleRow> examples(String intent) {
        return data.read(m -> m.examplesOf(intent));
    }

    List<ExampleRow> allExamples() {
        return data.read(NluMapper::examples);
    }

    /** Adds an example unless the intent already has it; returns the stored example either way. */
    ExampleRow addExample(String intent, String language, String phrase) {
        String text = phrase.strip();
        return data.write(m -> {
            for (ExampleRow existing : m.examplesOf(intent)) {
                if (existing.language().equals(language) && existing.phrase().equals(text)) {
                    return existing;
                }
            }
            ExampleRow row = new ExampleRow(UUID.randomUUID().toString(), intent, language, text, clock.instant());
            m.insertExample(row);
            return row;
        });
    }

    boolean deleteExample(String id) {
        return data.write(m -> m.deleteExample(id) > 0);
    }

    /** Adds the file's intents (changing those that exist) and the examples not yet known; returns examples added. */
    int importFile(IntentFile file, String by) {
        Instant now = clock.instant();
        return data.write(m -> {
            int added = 0;
            for (IntentFile.Intent intent : file.intents()) {
                IntentRow row = new IntentRow(intent.name(), intent.description() == null ? "" : intent.description(),
                        String.join(",", intent.requiredSlots() == null ? List.of() : intent.requiredSlots()),
                        Boolean.TRUE.equals(intent.humanOnly()), by, now);
                if (m.updateIntent(row) == 0) {
                    m.insertIntent(row);
                }
                if (intent.examples() == null) {
                    continue;
                }
                for (Map.Entry<String, List<String>> perLanguage : intent.examples().entrySet()) {
                    for (String phrase : perLanguage.getValue()) {
                        String text = phrase.strip();
                        if (m.exampleExists(intent.name(), perLanguage.getKey(), text) == 0) {
                            m.insertExample(new ExampleRow(UUID.randomUUID().toString(), intent.name(),
                                    perLanguage.getKey(), text, now));
                            added++;
                        }
                    }
                }
            }
            return added;
        });
    }

    /** Everything, in the training-file format, for backup or to move to another Kefu. */
    IntentFile exportFile() {
        Map<String, List<ExampleRow>> byIntent = allExamples().stream()
                .collect(Collectors.groupingBy(ExampleRow::intent, LinkedHashMap::new, Collectors.toList()));
        List<IntentFile.Intent> intents = new ArrayList<>();
        for (IntentRow row : data.read(NluMapper::intents)) {
            Map<String, List<String>> examples = new LinkedHashMap<>();
            for (ExampleRow example : byIntent.getOrDefault(row.name(), List.of())) {
                examples.computeIfAbsent(example.language(), l -> new ArrayList<>()).add(example.phrase());
            }
            intents.add(new IntentFile.Intent(row.name(), row.description(), slots(row.requiredSlots()),
                    row.humanOnly(), examples));
        }
        return new IntentFile(IntentFile.FORMAT, "Exported from Kefu", intents);
    }
}
