package io.kefu.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.api.customer.CustomerTier;
import io.kefu.conversation.internal.Rows.CustomerRow;
import io.kefu.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GroupCommitTest {

    private static CustomerRow customer(String id) {
        Instant now = Instant.parse("2026-11-21T08:00:00Z");
        return new CustomerRow(id, id, CustomerTier.STANDARD.name(), null, now, now);
    }

    /**
     * Many callers at once share commits; a caller whose work throws after writing is rolled back alone, and the
     * work of the callers committed with it stays.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFailingWriteRollsBackAloneWhileItsGroupCommits(TestDatabase database) throws Exception {
        try (ConversationFixture f = new ConversationFixture(database)) {
            ExecutorService callers = Executors.newFixedThreadPool(16);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String id = "group-" + i;
                boolean fails = i % 3 == 0;
                results.add(callers.submit(() -> f.data.writeGrouped(m -> {
                    m.insertCustomer(customer(id));
                    if (fails) {
                        throw new IllegalArgumentException("refused " + id);
                    }
                    return id;
                })));
            }
            int refused = 0;
            for (int i = 0; i < results.size(); i++) {
                Future<String> result = results.get(i);
                if (i % 3 == 0) {
                    assertThatThrownBy(result::get).hasRootCauseMessage("refused group-" + i);
                    refused++;
                } else {
                    assertThat(result.get()).isEqualTo("group-" + i);
                }
            }
            callers.shutdown();
            assertThat(refused).isEqualTo(67);
            for (int i = 0; i < 200; i++) {
                String id = "group-" + i;
                CustomerRow stored = f.data.read(m -> m.customer(id));
                if (i % 3 == 0) {
                    assertThat(stored).as(id).isNull();
                } else {
                    assertThat(stored).as(id).isNotNull();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStoppedWriterRefusesNewWork(TestDatabase database) throws Exception {
        try (ConversationFixture f = new ConversationFixture(database)) {
            f.data.close();
            assertThatThrownBy(() -> f.data.writeGrouped(m -> "late")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("stopping");
        }
    }
}
