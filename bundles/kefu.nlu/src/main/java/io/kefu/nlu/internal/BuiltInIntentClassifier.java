package io.kefu.nlu.internal;

import io.kefu.api.nlu.IntentPrediction;
import io.kefu.api.spi.IntentClassifier;
import io.kefu.api.spi.SentenceEncoder;
import io.kefu.nlu.internal.NluRows.ExampleRow;
import io.kefu.nlu.internal.NluRows.TrainingRunRow;
import io.kefu.nlu.internal.model.TextClassifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kefu's own intent engine: a linear model over character and word n-grams ({@link TextClassifier}), trained from
 * the examples in the {@link IntentCatalog}, plus sentence embeddings when a {@link SentenceEncoder} plug-in is
 * installed (the hybrid model, docs/nlu.md). Retraining builds a new model beside the one serving and swaps it in
 * only when training succeeded, so classification never stops and a failed training changes nothing.
 *
 * <p>Every training also keeps an n-gram-only model: when an encoder leaves (its plug-in is removed or updated) or
 * fails on a message, that model answers at once while the engine retrains for the encoders that remain.
 */
@Component(service = {IntentClassifier.class, BuiltInIntentClassifier.class}, configurationPid = "kefu.nlu",
        property = {"service.ranking:Integer=0", "kefu.nlu.engine=builtin"})
@Designate(ocd = NluConfig.class)
public final class BuiltInIntentClassifier implements IntentClassifier {
    private static final Logger LOG = LoggerFactory.getLogger(BuiltInIntentClassifier.class);
    /** Examples of this intent teach the model what Kefu does not handle; a message classified so is out of scope. */
    static final String OUT_OF_SCOPE = "out_of_scope";
    private static final Duration FIRST_MODEL_WAIT = Duration.ofSeconds(20);

    /** What serves: the hybrid (or n-gram) model, and the n-gram-only model to fall back on. */
    private record Models(TextClassifier serving, TextClassifier ngrams, List<SentenceEncoder> encoders) {
    }

    private final IntentCatalog catalog;
    private final NluData data;
    private final Clock clock;
    private final ReentrantLock training = new ReentrantLock();
    private final Map<SentenceEncoder, Integer> encoders = new ConcurrentHashMap<>();
    private volatile Models models;
    private volatile double threshold;
    /** Open once the first training finished, well or not: classify() waits on it for at most FIRST_MODEL_WAIT. */
    private final CountDownLatch firstModel = new CountDownLatch(1);
    /** Trainings the engine starts itself (at start, when encoders come or go); null in unit tests. */
    private ExecutorService trainer;
    private final AtomicBoolean retrainPending = new AtomicBoolean();
    /** Guards publishing a model against an encoder leaving at the same moment. */
    private final Object publishing = new Object();
    private volatile boolean closed;

    @Activate
    public BuiltInIntentClassifier(@Reference IntentCatalog catalog, @Reference NluData data, NluConfig config) {
        this(catalog, data, config.outOfScopeThreshold(), Clock.systemUTC());
        trainer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kefu-nlu-training");
            t.setDaemon(true);
            return t;
        });
        // Loading the demo intents and training take most of a second on a first start; the framework's start
        // thread must not wait for them (start-up goal, docs/performance.md). Messages arriving meanwhile wait
        // for the first model in classify().
        trainer.execute(() -> {
            try {
                catalog.seedDemoIfEmpty();
                retrain("kefu");
            } catch (RuntimeException e) {
                LOG.error("The first intent training failed; messages count as out of scope until a retrain", e);
            } finally {
                firstModel.countDown();
            }
        });
    }

    BuiltInIntentClassifier(IntentCatalog catalog, NluData data, double threshold, Clock clock) {
        this.catalog = catalog;
        this.data = data;
        this.threshold = threshold;
        this.clock = clock;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        closed = true;
        if (trainer != null) {
            // Not shutdownNow: an interrupt inside the database driver could close the embedded database's file.
            trainer.shutdown();
            trainer.awaitTermination(FIRST_MODEL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A new threshold applies from the next training (analysts retrain after changing it). */
    @Modified
    void modified(NluConfig config) {
        threshold = config.outOfScopeThreshold();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addEncoder(SentenceEncoder encoder, Map<String, Object> properties) {
        encoders.put(encoder, properties.get("service.ranking") instanceof Integer r ? r : 0);
        LOG.info("Sentence encoder {} for {} installed; retraining the intent model with it", encoder.model(),
                encoder.languages());
        retrainLater("encoder " + encoder.model() + " installed");
    }

    void removeEncoder(SentenceEncoder encoder) {
        synchronized (publishing) {
            encoders.remove(encoder);
            Models current = models;
            if (current != null && current.encoders().contains(encoder)) {
                // The hybrid model cannot run without this encoder: the n-gram model answers until retrained.
                models = new Models(current.ngrams(), current.ngrams(), List.of());
                LOG.info("Sentence encoder {} removed; the n-gram model serves until retrained", encoder.model());
            }
        }
        retrainLater("encoder " + encoder.model() + " removed");
    }

    /** One retrain on the training thread, however many changes arrive before it starts; none once stopping. */
    private void retrainLater(String why) {
        if (trainer != null && !closed && retrainPending.compareAndSet(false, true)) {
            try {
                trainer.execute(() -> {
                    retrainPending.set(false);
                    if (!closed) {
                        retrain("kefu (" + why + ")");
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                retrainPending.set(false);
            }
        }
    }

    @Override
    public IntentPrediction classify(String text, Locale language, List<String> history) {
        TextClassifier.Prediction p = predict(text);
        if (p == null) {
            return new IntentPrediction(null, 0.0, true);
        }
        return new IntentPrediction(p.best().label(), p.best().probability(), p.outOfScope());
    }

    /** The labels ranked for one message, for analysts trying a sentence in the workbench. */
    List<TextClassifier.Scored> ranked(String text) {
        TextClassifier.Prediction p = predict(text);
        return p == null ? List.of() : p.ranked();
    }

    private TextClassifier.Prediction predict(String text) {
        Models current = awaitModels();
        if (current == null) {
            return null;
        }
        try {
            return current.serving().classify(text, current.serving().threshold());
        } catch (RuntimeException e) {
            if (current.serving() == current.ngrams()) {
                throw e;
            }
            // An encoder failing on one message must not cost the customer an answer.
            LOG.warn("The hybrid intent model failed on a message ({}); the n-gram model answered", e.toString());
            return current.ngrams().classify(text, current.ngrams().threshold());
        }
    }

    /** The models serving, waiting for the first ones while the start-up training runs. */
    private Models awaitModels() {
        Models current = models;
        if (current != null || trainer == null) {
            return current;
        }
        try {
            if (!firstModel.await(FIRST_MODEL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("No intent model after {}; answering out of scope", FIRST_MODEL_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return models;
    }

    /** Trains on the catalog's current examples; the new model serves from the moment this returns. */
    TrainingRunRow retrain(String by) {
        training.lock();
        try {
            Instant started = clock.instant();
            List<ExampleRow> examples = catalog.allExamples();
            // Sorted, so that the same examples always train the same model whatever order the database returns.
            List<TextClassifier.Example> training = examples.stream()
                    .map(e -> new TextClassifier.Example(e.phrase(), e.intent()))
                    .sorted(Comparator.comparing(TextClassifier.Example::label)
                            .thenComparing(TextClassifier.Example::text))
                    .toList();
            int intents = (int) training.stream().map(TextClassifier.Example::label).distinct().count();
            TrainingRunRow run;
            try {
                TextClassifier ngrams = TextClassifier.train(training,
                        TextClassifier.Options.defaults().withOutOfScope(OUT_OF_SCOPE, threshold));
                EncoderFeatures dense = EncoderFeatures.of(rankedEncoders());
                TextClassifier serving = ngrams;
                if (dense != null) {
                    try {
                        serving = TextClassifier.train(training,
                                TextClassifier.Options.hybrid(dense).withOutOfScope(OUT_OF_SCOPE, threshold));
                    } catch (RuntimeException e) {
                        LOG.warn("Hybrid training failed ({}); the n-gram model serves", e.toString());
                        dense = null;
                    }
                }
                synchronized (publishing) {
                    // An encoder that left while this trained must not be called by the model published now.
                    if (dense != null && !encoders.keySet().containsAll(dense.encoders())) {
                        serving = ngrams;
                        dense = null;
                    }
                    models = new Models(serving, ngrams, dense == null ? List.of() : dense.encoders());
                }
                run = new TrainingRunRow(UUID.randomUUID().toString(), started, clock.instant(), by, intents,
                        training.size(), Double.isNaN(serving.heldOutAccuracy()) ? 0 : serving.heldOutAccuracy(),
                        serving.heldOutExamples(), "trained: " + serving.describe());
                LOG.info("Intent model trained on {} examples of {} intents by {}: {}", training.size(), intents, by,
                        serving.describe());
            } catch (RuntimeException e) {
                run = new TrainingRunRow(UUID.randomUUID().toString(), started, clock.instant(), by, intents,
                        training.size(), 0, 0, "failed, the previous model keeps serving: " + e.getMessage());
                LOG.warn("Intent training by {} failed; the previous model keeps serving: {}", by, e.getMessage());
            }
            TrainingRunRow stored = run;
            data.write(m -> {
                m.insertTrainingRun(stored);
                return null;
            });
            return run;
        } finally {
            training.unlock();
        }
    }

    private List<SentenceEncoder> rankedEncoders() {
        List<Map.Entry<SentenceEncoder, Integer>> entries = new ArrayList<>(encoders.entrySet());
        entries.sort(Map.Entry.<SentenceEncoder, Integer>comparingByValue().reversed()
                .thenComparing(e -> e.getKey().model()));
        return entries.stream().map(Map.Entry::getKey).toList();
    }

    /** The embedding models the serving model uses, empty for n-grams only. */
    List<String> embeddingModels() {
        Models current = models;
        return current == null ? List.of() : current.encoders().stream().map(SentenceEncoder::model).toList();
    }
}
