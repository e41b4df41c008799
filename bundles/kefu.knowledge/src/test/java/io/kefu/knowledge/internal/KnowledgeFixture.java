package io.kefu.knowledge.internal;

import io.kefu.api.security.AuditEntry;
import io.kefu.api.security.AuditLog;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Role;
import io.kefu.store.internal.PooledStore;
import io.kefu.testing.ScratchDatabase;
import io.kefu.testing.TestDatabase;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The knowledge components wired by hand on a real database, with the index in a folder of its own. Event Admin
 * and the audit log are the edges: recorded here instead of delivered.
 */
final class KnowledgeFixture implements AutoCloseable {
    static final KefuUser ANALYST = new KefuUser("u-a", "zhou.analyst", "周分析", Set.of(Role.ANALYST));
    static final KefuUser AGENT = new KefuUser("u-b", "li.agent", "李坐席", Set.of(Role.AGENT));

    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-21T08:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    final ScratchDatabase scratch;
    final PooledStore store;
    final Path indexFolder;
    final ManualClock clock = new ManualClock();
    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<AuditEntry> audit = new CopyOnWriteArrayList<>();
    final EventAdmin eventAdmin = new EventAdmin() {
        @Override public void postEvent(Event event) { events.add(event); }
        @Override public void sendEvent(Event event) { events.add(event); }
    };
    final AuditLog auditLog = new AuditLog() {
        @Override
        public void record(String actor, String action, String target, String detail) {
            audit.add(new AuditEntry(audit.size() + 1, clock.instant(), actor, action, target, detail));
        }

        @Override
        public List<AuditEntry> recent(int offset, int limit) {
            return List.copyOf(audit);
        }
    };
    final KnowledgeData data;
    LiveIndex index;
    KnowledgeService knowledge;
    KnowledgeResource resource;

    KnowledgeFixture(TestDatabase database) throws Exception {
        scratch = database.create();
        store = PooledStore.open(scratch.url(), scratch.user(), scratch.password());
        data = new KnowledgeData(store);
        indexFolder = Files.createTempDirectory("kefu-knowledge-index-");
        start();
    }

    /** (Re)starts the components over the same database and index folder, as a restart of Kefu does. */
    void start() {
        index = new LiveIndex(data, indexFolder.toString(), SearchTuning.defaults());
        knowledge = new KnowledgeService(data, index, eventAdmin, auditLog, clock);
        resource = new KnowledgeResource(knowledge, 64 * 1024, 100);
    }

    void stop() {
        index.close();
    }

    List<String> topics() {
        return events.stream().map(Event::getTopic).toList();
    }

    Map<String, Object> lastEvent(String topic) {
        Event event = events.stream().filter(e -> e.getTopic().equals(topic)).reduce((a, b) -> b).orElseThrow();
        return java.util.Arrays.stream(event.getPropertyNames()).collect(Collectors.toMap(n -> n, event::getProperty));
    }

    static SecurityContext as(KefuUser user) {
        return new SecurityContext() {
            @Override public Principal getUserPrincipal() { return user; }
            @Override public boolean isUserInRole(String role) {
                return user.roles().stream().anyMatch(r -> r.name().equals(role));
            }
            @Override public boolean isSecure() { return true; }
            @Override public String getAuthenticationScheme() { return "TEST"; }
        };
    }

    @Override
    public void close() throws Exception {
        stop();
        store.close();
        scratch.close();
        try (var paths = Files.walk(indexFolder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
