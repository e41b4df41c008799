package io.kefu.evaluation;

import io.kefu.api.nlu.Entity;
import io.kefu.nlu.entities.internal.BuiltInEntities;
import io.kefu.nlu.entities.internal.EntitiesConfig;
import io.kefu.nlu.internal.model.TextClassifier;
import io.kefu.nlu.internal.model.TextFeatures;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Time to understand one message the way Kefu does for each customer message: language, intent (the English or
 * Chinese model), entities and sentiment. Single-threaded latency after a warm-up, then messages per second with
 * as many threads as cores.
 */
final class LatencyEvaluation {
    record Result(String model, int messages, double p50Millis, double p99Millis, double maxMillis, int threads,
            double messagesPerSecond) {
    }

    private LatencyEvaluation() {
    }

    /** The intent models are of {@code model}'s kind; sentiment is the product's n-gram model either way. */
    static Result run(Evaluation.Splits english, Evaluation.Splits chinese, Evaluation.Splits sentiment,
            Evaluation.Model model) throws Exception {
        Progress progress = new Progress("latency " + model.name() + ": training three models", 3);
        TextClassifier en = TextClassifier.train(Evaluation.examples(english.train(), "label"), model.options());
        progress.step();
        TextClassifier zh = TextClassifier.train(Evaluation.examples(chinese.train(), "label"), model.options());
        progress.step();
        TextClassifier mood = TextClassifier.train(Evaluation.examples(sentiment.train(), "label"),
                TextClassifier.Options.defaults());
        progress.finish();
        BuiltInEntities entities = new BuiltInEntities(defaults(EntitiesConfig.class));

        List<String> messages = new ArrayList<>();
        for (TextClassifier.Example e : Evaluation.examples(english.test(), "label")) {
            messages.add(e.text());
        }
        for (TextClassifier.Example e : Evaluation.examples(chinese.test(), "label")) {
            messages.add(e.text());
        }
        Pipeline pipeline = new Pipeline(en, zh, mood, entities);
        Progress warming = new Progress("latency " + model.name() + ": warm-up", 3L * messages.size());
        for (int round = 0; round < 3; round++) {
            for (String message : messages) {
                pipeline.understand(message);
                warming.step();
            }
        }
        warming.finish();

        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        Progress timing = new Progress("latency " + model.name() + ": one thread", messages.size());
        for (String message : messages) {
            long t0 = System.nanoTime();
            pipeline.understand(message);
            histogram.recordValue(System.nanoTime() - t0);
            timing.step();
        }
        timing.finish();

        int threads = Runtime.getRuntime().availableProcessors();
        AtomicLong done = new AtomicLong();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Thread> workers = new ArrayList<>();
        Progress throughput = new Progress("latency " + model.name() + ": " + threads + " threads, 5 s", 5);
        for (int t = 0; t < threads; t++) {
            int offset = t * 97;
            Thread worker = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < until) {
                    pipeline.understand(messages.get(i++ % messages.size()));
                    done.incrementAndGet();
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (int s = 0; s < 5; s++) {
            Thread.sleep(1000);
            throughput.step();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        throughput.finish();
        return new Result(model.name(), messages.size(), histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6, histogram.getMaxValue() / 1e6, threads, done.get() / 5.0);
    }

    /** What Kefu's understanding does per message, minus storing the result. */
    record Pipeline(TextClassifier english, TextClassifier chinese, TextClassifier sentiment, BuiltInEntities entities) {
        Object understand(String text) {
            Locale language = TextFeatures.language(text);
            TextClassifier intents = Locale.CHINESE.equals(language) ? chinese : english;
            TextClassifier.Prediction intent = intents.classify(text);
            List<Entity> found = entities.extract(text, language);
            TextClassifier.Prediction mood = sentiment.classify(text);
            return List.of(intent, found, mood);
        }
    }

    /** An instance of a configuration annotation type with every attribute at its default, as DS gives without a file. */
    @SuppressWarnings("unchecked")
    static <A> A defaults(Class<A> type) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object value = method.getDefaultValue();
            if (value == null && method.getName().equals("annotationType")) {
                return type;
            }
            return value;
        });
    }
}
