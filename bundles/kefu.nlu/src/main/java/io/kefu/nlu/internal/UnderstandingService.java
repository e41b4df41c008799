package io.kefu.nlu.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.api.nlu.DialogueState;
import io.kefu.api.nlu.Entity;
import io.kefu.api.nlu.IntentDefinition;
import io.kefu.api.nlu.IntentPrediction;
import io.kefu.api.nlu.NluEvents;
import io.kefu.api.nlu.NluResult;
import io.kefu.api.nlu.Sentiment;
import io.kefu.api.nlu.SentimentLabel;
import io.kefu.api.nlu.Understanding;
import io.kefu.api.spi.EntityExtractor;
import io.kefu.api.spi.IntentClassifier;
import io.kefu.api.spi.SentimentAnalyzer;
import io.kefu.nlu.internal.NluRows.DialogueRow;
import io.kefu.nlu.internal.NluRows.ResultRow;
import io.kefu.nlu.internal.model.TextFeatures;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Understanding of customer messages: the highest-ranked {@link IntentClassifier} and {@link SentimentAnalyzer},
 * every {@link EntityExtractor}, and the conversation's dialogue memory. A vendor's engine registered with a higher
 * service ranking takes over from the built-in one while it is there; a failing engine costs only its own part of
 * the result (logged), never the message.
 */
// Reads the same configuration as BuiltInIntentClassifier, which designates its metatype.
@Component(service = Understanding.class, configurationPid = "kefu.nlu")
public final class UnderstandingService implements Understanding {
    private static final Logger LOG = LoggerFactory.getLogger(UnderstandingService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NluData data;
    private final IntentCatalog catalog;
    private final EventAdmin events;
    private final Clock clock;
    private volatile double newIntentConfidence;

    private final List<Ranked<IntentClassifier>> classifiers = new CopyOnWriteArrayList<>();
    private final List<Ranked<SentimentAnalyzer>> analyzers = new CopyOnWriteArrayList<>();
    private final List<EntityExtractor> extractors = new CopyOnWriteArrayList<>();

    private record Ranked<T>(T service, int ranking) {
    }

    @Activate
    public UnderstandingService(@Reference NluData data, @Reference IntentCatalog catalog,
            @Reference EventAdmin events, NluConfig config) {
        this(data, catalog, events, config.newIntentConfidence(), Clock.systemUTC());
    }

    UnderstandingService(NluData data, IntentCatalog catalog, EventAdmin events, double newIntentConfidence,
            Clock clock) {
        this.data = data;
        this.catalog = catalog;
        this.events = events;
        this.newIntentConfidence = newIntentConfidence;
        this.clock = clock;
    }

    @Modified
    void modified(NluConfig config) {
        newIntentConfidence = config.newIntentConfidence();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addClassifier(IntentClassifier classifier, Map<String, Object> properties) {
        classifiers.add(new Ranked<>(classifier, ranking(properties)));
    }

    void removeClassifier(IntentClassifier classifier) {
        classifiers.removeIf(r -> r.service() == classifier);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addAnalyzer(SentimentAnalyzer analyzer, Map<String, Object> properties) {
        analyzers.add(new Ranked<>(analyzer, ranking(properties)));
    }

    void removeAnalyzer(SentimentAnalyzer analyzer) {
        analyzers.removeIf(r -> r.service() == analyzer);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addExtractor(EntityExtractor extractor) {
        extractors.add(extractor);
    }

    void removeExtractor(EntityExtractor extractor) {
        extractors.remove(extractor);
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get("service.ranking") instanceof Integer i ? i : 0;
    }

    private static <T> Optional<T> best(List<Ranked<T>> candidates) {
        return candidates.stream().max(Comparator.comparingInt(Ranked::ranking)).map(Ranked::service);
    }

    /** Understanding of a text outside any conversation (analysts trying sentences); nothing is stored. */
    NluResult analyze(String text) {
        Locale language = TextFeatures.language(text);
        IntentPrediction intent = classify(text, language);
        List<Entity> entities = extract(text, language);
        Sentiment sentiment = sentiment(text, language);
        return new NluResult(null, language, intent, entities, sentiment);
    }

    @Override
    public NluResult understand(String conversationId, String messageId, String text) {
        NluResult analysed = analyze(text);
        NluResult result = new NluResult(messageId, analysed.language(), analysed.intent(), analysed.entities(),
                analysed.sentiment());
        Instant now = clock.instant();
        DialogueState state = data.write(m -> {
            if (m.result(messageId) == null) {
                m.insertResult(row(conversationId, result, now));
            }
            DialogueRow previousRow = m.dialogue(conversationId);
            DialogueState next = DialogueMemory.next(previousRow == null ? null : state(previousRow), conversationId,
                    result, newIntentConfidence, now);
            DialogueRow nextRow = row(next);
            if (previousRow == null) {
                m.insertDialogue(nextRow);
            } else {
                m.updateDialogue(nextRow);
            }
            return next;
        });
        Map<String, Object> props = new HashMap<>();
        props.put(NluEvents.CONVERSATION, conversationId);
        props.put(NluEvents.MESSAGE, messageId);
        if (state.intent() != null) {
            props.put(NluEvents.INTENT, state.intent());
        }
        props.put(NluEvents.CONFIDENCE, result.intent().confidence());
        props.put(NluEvents.OUT_OF_SCOPE, result.intent().outOfScope());
        props.put(NluEvents.SENTIMENT, result.sentiment().label().name());
        events.postEvent(new Event(NluEvents.UNDERSTOOD, props));
        return result;
    }

    private IntentPrediction classify(String text, Locale language) {
        Optional<IntentClassifier> classifier = best(classifiers);
        if (classifier.isEmpty()) {
            return new IntentPrediction(null, 0.0, true);
        }
        try {
            return classifier.get().classify(text, language, List.of());
        } catch (RuntimeException e) {
            LOG.error("Intent classifier {} failed; the message counts as out of scope", classifier.get(), e);
            return new IntentPrediction(null, 0.0, true);
        }
    }

    private List<Entity> extract(String text, Locale language) {
        List<Entity> found = new ArrayList<>();
        for (EntityExtractor extractor : extractors) {
            try {
                found.addAll(extractor.extract(text, language));
            } catch (RuntimeException e) {
                LOG.error("Entity extractor {} failed; its entities are left out", extractor, e);
            }
        }
        found.sort(Comparator.comparingInt(Entity::start));
        return found;
    }

    private Sentiment sentiment(String text, Locale language) {
        Optional<SentimentAnalyzer> analyzer = best(analyzers);
        if (analyzer.isEmpty()) {
            return new Sentiment(SentimentLabel.NEUTRAL, 0.0);
        }
        try {
            return analyzer.get().analyze(text, language);
        } catch (RuntimeException e) {
            LOG.error("Sentiment analyzer {} failed; the message counts as neutral", analyzer.get(), e);
            return new Sentiment(SentimentLabel.NEUTRAL, 0.0);
        }
    }

    @Override
    public Optional<DialogueState> state(String conversationId) {
        return Optional.ofNullable(data.read(m -> m.dialogue(conversationId))).map(UnderstandingService::state);
    }

    @Override
    public List<NluResult> results(String conversationId) {
        return data.read(m -> m.resultsOf(conversationId)).stream().map(UnderstandingService::result).toList();
    }

    @Override
    public List<IntentDefinition> intents() {
        return catalog.intents();
    }

    @Override
    public Optional<IntentDefinition> intent(String name) {
        return catalog.intent(name);
    }

    private static ResultRow row(String conversationId, NluResult result, Instant now) {
        List<Entity> kept = result.entities();
        String entities = json(kept);
        while (entities.length() > 4000) {
            // A message full of numbers: the first entities are kept, the column has room for about thirty.
            kept = kept.subList(0, kept.size() - 1);
            entities = json(kept);
        }
        return new ResultRow(result.messageId(), conversationId, result.language().getLanguage(),
                result.intent().intent(), result.intent().confidence(), result.intent().outOfScope(),
                entities, result.sentiment().label().name(), result.sentiment().score(), now);
    }

    private static NluResult result(ResultRow row) {
        List<Entity> entities = parse(row.entities(), new TypeReference<List<Entity>>() { });
        return new NluResult(row.messageId(), Locale.forLanguageTag(row.language()),
                new IntentPrediction(row.intent(), row.confidence(), row.outOfScope()), entities,
                new Sentiment(SentimentLabel.valueOf(row.sentiment()), row.sentimentScore()));
    }

    private static DialogueRow row(DialogueState state) {
        return new DialogueRow(state.conversationId(), state.intent(), json(state.slots()),
                String.join(",", state.sentimentTrend().stream().map(Enum::name).toList()), state.turns(),
                state.updatedAt());
    }

    private static DialogueState state(DialogueRow row) {
        Map<String, String> slots = parse(row.slots(), new TypeReference<Map<String, String>>() { });
        List<SentimentLabel> trend = row.sentimentTrend().isEmpty() ? List.of()
                : Arrays.stream(row.sentimentTrend().split(",")).map(SentimentLabel::valueOf).toList();
        return new DialogueState(row.conversationId(), row.intent(), slots, trend, row.turns(), row.updatedAt());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored NLU data: " + e.getOriginalMessage(), e);
        }
    }
}
