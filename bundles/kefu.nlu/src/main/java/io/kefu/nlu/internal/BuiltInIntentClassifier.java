package io.kefu.nlu.internal;

import io.kefu.api.nlu.IntentPrediction;
import io.kefu.api.spi.IntentClassifier;
import io.kefu.nlu.internal.NluRows.ExampleRow;
import io.kefu.nlu.internal.NluRows.TrainingRunRow;
import io.kefu.nlu.internal.model.TextClassifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kefu's own intent engine: a linear model over character and word n-grams ({@link TextClassifier}), trained from
 * the examples in the {@link IntentCatalog}. Retraining builds a new model beside the one serving and swaps it in
 * only when training succeeded, so classification never stops and a failed training changes nothing.
 */
@Component(service = {IntentClassifier.class, BuiltInIntentClassifier.class}, configurationPid = "kefu.nlu",
        property = {"service.ranking:Integer=0", "kefu.nlu.engine=builtin"})
@Designate(ocd = NluConfig.class)
public final class BuiltInIntentClassifier implements IntentClassifier {
    private static final Logger LOG = LoggerFactory.getLogger(BuiltInIntentClassifier.class);
    /** Examples of this intent teach the model what Kefu does not handle; a message classified so is out of scope. */
    static final String OUT_OF_SCOPE = "out_of_scope";

    private final IntentCatalog catalog;
    private final NluData data;
    private final Clock clock;
    private final ReentrantLock training = new ReentrantLock();
    private volatile TextClassifier model;
    private volatile double threshold;
    /** Open once the first training finished, well or not: classify() waits on it for at most {@link #FIRST_MODEL_WAIT}. */
    private final CountDownLatch firstModel = new CountDownLatch(1);
    private Thread warmUp;
    private static final Duration FIRST_MODEL_WAIT = Duration.ofSeconds(20);

    @Activate
    public BuiltInIntentClassifier(@Reference IntentCatalog catalog, @Reference NluData data, NluConfig config) {
        this(catalog, data, config.outOfScopeThreshold(), Clock.systemUTC());
        // Loading the demo intents and training take most of a second on a first start; the framework's start
        // thread must not wait for them (start-up goal, docs/performance.md). Messages arriving meanwhile wait
        // for the first model in classify().
        warmUp = new Thread(() -> {
            try {
                catalog.seedDemoIfEmpty();
                retrain("kefu");
            } catch (RuntimeException e) {
                LOG.error("The first intent training failed; messages count as out of scope until a retrain", e);
            } finally {
                firstModel.countDown();
            }
        }, "kefu-nlu-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    BuiltInIntentClassifier(IntentCatalog catalog, NluData data, double threshold, Clock clock) {
        this.catalog = catalog;
        this.data = data;
        this.threshold = threshold;
        this.clock = clock;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (warmUp != null) {
            warmUp.join(FIRST_MODEL_WAIT.toMillis());
        }
    }

    /** A new threshold applies from the next training (analysts retrain after changing it). */
    @Modified
    void modified(NluConfig config) {
        threshold = config.outOfScopeThreshold();
    }

    @Override
    public IntentPrediction classify(String text, Locale language, List<String> history) {
        TextClassifier current = awaitModel();
        if (current == null) {
            return new IntentPrediction(null, 0.0, true);
        }
        TextClassifier.Prediction p = current.classify(text, current.threshold());
        return new IntentPrediction(p.best().label(), p.best().probability(), p.outOfScope());
    }

    /** The model serving, waiting for the first one while the start-up training runs. */
    private TextClassifier awaitModel() {
        TextClassifier current = model;
        if (current != null || warmUp == null) {
            return current;
        }
        try {
            if (!firstModel.await(FIRST_MODEL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("No intent model after {}; answering out of scope", FIRST_MODEL_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return model;
    }

    /** The labels ranked for one message, for analysts trying a sentence in the workbench. */
    List<TextClassifier.Scored> ranked(String text) {
        TextClassifier current = awaitModel();
        return current == null ? List.of() : current.classify(text, current.threshold()).ranked();
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
                    .sorted(java.util.Comparator.comparing(TextClassifier.Example::label)
                            .thenComparing(TextClassifier.Example::text))
                    .toList();
            int intents = (int) training.stream().map(TextClassifier.Example::label).distinct().count();
            TrainingRunRow run;
            try {
                TextClassifier trained = TextClassifier.train(training,
                        TextClassifier.Options.defaults().withOutOfScope(OUT_OF_SCOPE, threshold));
                model = trained;
                run = new TrainingRunRow(UUID.randomUUID().toString(), started, clock.instant(), by, intents,
                        training.size(), Double.isNaN(trained.heldOutAccuracy()) ? 0 : trained.heldOutAccuracy(),
                        trained.heldOutExamples(), "trained: " + trained.describe());
                LOG.info("Intent model trained on {} examples of {} intents by {}: {}", training.size(), intents, by,
                        trained.describe());
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

    boolean trained() {
        return model != null;
    }
}
