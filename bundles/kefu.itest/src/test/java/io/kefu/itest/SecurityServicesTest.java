package io.kefu.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kefu.api.security.AuditEntry;
import io.kefu.api.security.AuditLog;
import io.kefu.api.security.Sessions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** kefu.security's services as other bundles use them: from the service registry, on the run's database. */
@KefuItest
class SecurityServicesTest {

    @Test
    void sessionsRefuseATokenNobodyWasGiven() {
        Sessions sessions = Osgi.service(Sessions.class);
        assertTrue(sessions.resolve("itest-" + UUID.randomUUID()).isEmpty());
    }

    @Test
    void auditLogReturnsWhatWasJustRecordedNewestFirst() {
        AuditLog audit = Osgi.service(AuditLog.class);
        String target = "itest:" + UUID.randomUUID();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        audit.record("itest", "itest.first", target, "第一条");
        audit.record("itest", "itest.second", target, "第二条：审计日志 ✅");

        // Other bundles may audit in between (a plug-in appearing), so only this test's entries are compared.
        List<AuditEntry> mine = audit.recent(0, 10).stream().filter(e -> e.target().equals(target)).toList();
        assertEquals(List.of("itest.second", "itest.first"), mine.stream().map(AuditEntry::action).toList());
        AuditEntry newest = mine.get(0);
        assertEquals("itest", newest.actor());
        assertEquals("第二条：审计日志 ✅", newest.detail());
        assertFalse(newest.at().isBefore(before), "recorded at " + newest.at() + ", before the test began at " + before);
        assertFalse(newest.at().isAfter(Instant.now()), "recorded in the future: " + newest.at());
    }
}
