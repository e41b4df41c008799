package io.kefu.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.api.conversation.InboundMessage;
import io.kefu.api.customer.ChannelIdentity;
import io.kefu.api.customer.Customer;
import io.kefu.api.customer.CustomerTier;
import io.kefu.api.customer.IdentityType;
import io.kefu.api.security.AuditEntry;
import io.kefu.api.security.AuditLog;
import io.kefu.testing.TestDatabase;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Customers service other bundles use (routing's rules tag customers): read, and add one tag at a time. */
class CustomerDirectoryTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTagIsAddedOnceAndTheOtherTagsStay(TestDatabase database) throws Exception {
        try (ConversationFixture f = new ConversationFixture(database)) {
            AuditLog audit = new AuditLog() {
                @Override public void record(String actor, String action, String target, String detail) {
                    f.audit.add(new AuditEntry(0, f.clock.instant(), actor, action, target, detail));
                }
                @Override public List<AuditEntry> recent(int offset, int limit) { return f.audit; }
            };
            CustomerDirectory directory = new CustomerDirectory(f.data, audit);
            String customer = f.ingest.ingest(new InboundMessage("email", new ChannelIdentity(IdentityType.EMAIL,
                    "zhao@example.com", false), "我要注销账号", "<z1@mail>", null, List.of(), null)).customerId();
            new CustomerService(f.data, audit, f.clock).setTags(customer, List.of("VIP"), "system");

            Customer tagged = directory.addTag(customer, "churn_risk", null);
            directory.addTag(customer, "churn_risk", null);

            assertThat(tagged.tags()).containsExactlyInAnyOrder("VIP", "churn_risk");
            assertThat(tagged.tier()).isEqualTo(CustomerTier.STANDARD);
            assertThat(f.audit).filteredOn(e -> e.action().equals("customer.tag")).hasSize(1);
            assertThat(directory.find("no-such-customer")).isEmpty();
            assertThatThrownBy(() -> directory.addTag(customer, "<script>", null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> directory.addTag("no-such-customer", "x", null))
                    .isInstanceOf(NoSuchElementException.class);
        }
    }
}
