package io.kefu.nlu.internal;

import io.kefu.store.internal.PooledStore;
import io.kefu.testing.ScratchDatabase;
import io.kefu.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The NLU components wired by hand on a scratch database, as DS wires them in Kefu. */
final class NluFixture implements AutoCloseable {
    final ScratchDatabase scratch;
    final PooledStore store;
    final NluData data;
    final IntentCatalog catalog;
    final BuiltInIntentClassifier classifier;
    final BuiltInSentimentAnalyzer sentiment = new BuiltInSentimentAnalyzer();
    final UnderstandingService understanding;
    final List<Event> events = new CopyOnWriteArrayList<>();

    NluFixture(TestDatabase database) {
        scratch = database.create();
        store = PooledStore.open(scratch.url(), scratch.user(), scratch.password());
        data = new NluData(store);
        catalog = new IntentCatalog(data);
        catalog.seedDemoIfEmpty();
        classifier = new BuiltInIntentClassifier(catalog, data, 0.45, java.time.Clock.systemUTC());
        classifier.retrain("test");
        EventAdmin eventAdmin = new EventAdmin() {
            @Override public void postEvent(Event event) { events.add(event); }
            @Override public void sendEvent(Event event) { events.add(event); }
        };
        understanding = new UnderstandingService(data, catalog, eventAdmin, 0.6, java.time.Clock.systemUTC());
        understanding.addClassifier(classifier, java.util.Map.of("service.ranking", 0));
        understanding.addAnalyzer(sentiment, java.util.Map.of("service.ranking", 0));
    }

    @Override
    public void close() throws Exception {
        store.close();
        scratch.close();
    }
}
