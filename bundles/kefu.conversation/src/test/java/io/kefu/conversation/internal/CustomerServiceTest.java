package io.kefu.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.api.conversation.InboundMessage;
import io.kefu.api.customer.ChannelIdentity;
import io.kefu.api.customer.IdentityType;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Role;
import io.kefu.testing.TestDatabase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CustomerServiceTest {
    private static final KefuUser AGENT = new KefuUser("u-1", "li.na", "李娜", Set.of(Role.AGENT));

    private static List<String> bodies(ConversationFixture f, String customerId) {
        List<Rows.MessageRow> rows = f.data.read(m -> m.timeline(customerId, 0, 10));
        return rows.stream().map(Rows.MessageRow::body).toList();
    }

    private static List<String> tags(ConversationFixture f, String customerId) {
        List<String> tags = f.data.read(m -> m.tagsOf(customerId));
        return tags;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMergeJoinsTwoCustomersTimelinesAndUndoSplitsThemAgain(TestDatabase database) throws Exception {
        try (ConversationFixture f = new ConversationFixture(database)) {
            CustomerService customers = new CustomerService(f.data, new io.kefu.api.security.AuditLog() {
                @Override public void record(String actor, String action, String target, String detail) {
                    f.audit.add(new io.kefu.api.security.AuditEntry(0, f.clock.instant(), actor, action, target, detail));
                }
                @Override public List<io.kefu.api.security.AuditEntry> recent(int offset, int limit) { return f.audit; }
            }, f.clock);
            var byEmail = f.ingest.ingest(new InboundMessage("email", new ChannelIdentity(IdentityType.EMAIL,
                    "wang@example.com", false), "Invoice?", "<e1@mail>", null, List.of(), null));
            var byApp = f.ingest.ingest(new InboundMessage("webhook", new ChannelIdentity(IdentityType.APP_USER,
                    "wechat:o6_wang", true), "发票呢？", "w1", null, List.of(), null));
            customers.setTags(byApp.customerId(), List.of("VIP", "发票"), AGENT);

            String mergeId = customers.merge(byEmail.customerId(), byApp.customerId(), AGENT);
            assertThat(bodies(f, byEmail.customerId()))
                    .containsExactly("Invoice?", "发票呢？");
            assertThat(tags(f, byEmail.customerId())).containsExactlyInAnyOrder("VIP", "发票");
            // A message from the merged identity now lands with the surviving customer.
            var later = f.ingest.ingest(new InboundMessage("webhook", new ChannelIdentity(IdentityType.APP_USER,
                    "wechat:o6_wang", true), "在吗", "w2", null, List.of(), null));
            assertThat(later.customerId()).isEqualTo(byEmail.customerId());
            assertThatThrownBy(() -> customers.merge(byEmail.customerId(), byApp.customerId(), AGENT))
                    .isInstanceOf(IllegalStateException.class);

            customers.undo(mergeId, AGENT);
            assertThat(bodies(f, byApp.customerId()))
                    .containsExactly("发票呢？", "在吗");
            assertThat(bodies(f, byEmail.customerId()))
                    .containsExactly("Invoice?");
            assertThatThrownBy(() -> customers.undo(mergeId, AGENT)).isInstanceOf(IllegalStateException.class);
            assertThat(f.audit).extracting(e -> e.action()).contains("customer.merge", "customer.unmerge", "customer.tags");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void tagsAreCheckedBeforeAnythingChanges(TestDatabase database) throws Exception {
        try (ConversationFixture f = new ConversationFixture(database)) {
            CustomerService customers = new CustomerService(f.data, new io.kefu.api.security.AuditLog() {
                @Override public void record(String actor, String action, String target, String detail) { }
                @Override public List<io.kefu.api.security.AuditEntry> recent(int offset, int limit) { return List.of(); }
            }, f.clock);
            var receipt = f.ingest.ingest(new InboundMessage("webhook", new ChannelIdentity(IdentityType.APP_USER,
                    "wechat:x", true), "hi", "t1", null, List.of(), null));
            customers.setTags(receipt.customerId(), List.of("VIP"), AGENT);
            assertThatThrownBy(() -> customers.setTags(receipt.customerId(), List.of("ok", "<script>"), AGENT))
                    .hasMessageContaining("<script>");
            assertThat(tags(f, receipt.customerId())).containsExactly("VIP");
        }
    }
}
