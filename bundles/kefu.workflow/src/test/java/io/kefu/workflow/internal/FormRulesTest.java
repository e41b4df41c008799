package io.kefu.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's check of task form values, on the repository's own forms. */
class FormRulesTest {
    static FormRules form(String id) throws Exception {
        return FormRules.of(Files.readString(Path.of("../../processes/forms/" + id + ".form")));
    }

    @Test
    void refundCheckNamesEveryBrokenFieldAndKeepsOnlyTheFormsTypedValues() throws Exception {
        FormRules rules = form("refund-check");
        Map<String, Object> values = new HashMap<>();
        values.put("orderNumber", "E2026 1122");   // space: breaks the pattern
        values.put("amount", "0");                 // below the minimum
        values.put("reason", "bored");             // not an option
        values.put("eligible", "yes");             // not a boolean
        values.put("isAdmin", true);               // not a field of the form
        FormRules.Outcome outcome = rules.check(values);
        assertEquals(Map.of("orderNumber", "does not match the expected format", "amount", "must be at least 0.01",
                "reason", "must be one of [damaged, not_received, wrong_item, changed_mind]",
                "eligible", "must be true or false"), outcome.errors());

        outcome = rules.check(Map.of("orderNumber", "E20261122000123", "amount", "199.50", "reason", "damaged",
                "eligible", true));
        assertTrue(outcome.errors().isEmpty(), outcome.errors().toString());
        assertEquals(199.5, outcome.values().get("amount"));
        assertEquals(Boolean.TRUE, outcome.values().get("eligible"));
        assertEquals(4, outcome.values().size());
    }

    @Test
    void missingRequiredFieldsAreNamedAndEmptyOptionalOnesBecomeNull() throws Exception {
        FormRules.Outcome outcome = form("refund-check").check(Map.of());
        assertEquals(List.of("orderNumber", "amount", "reason"), List.copyOf(outcome.errors().keySet()));
        assertEquals("required", outcome.errors().get("amount"));

        outcome = form("delivery-check").check(Map.of("orderNumber", "E20261122000123", "problem", "lost",
                "trackingNumber", " "));
        assertTrue(outcome.errors().isEmpty(), outcome.errors().toString());
        assertTrue(outcome.values().containsKey("trackingNumber"));
        assertNull(outcome.values().get("trackingNumber"));
    }

    @Test
    void aRequiredCheckboxMustBeTickedAndEmailsAndLengthsAreChecked() throws Exception {
        assertEquals(Map.of("customerAgrees", "required"), form("refund-confirm").check(Map.of("customerAgrees", false))
                .errors());
        assertEquals(Map.of("explanation", "must be at least 10 characters"),
                form("refund-decline").check(Map.of("explanation", "no")).errors());
        Map<String, String> errors = form("invoice-details").check(Map.of("orderNumber", "E20261122000123",
                "invoiceTitle", "Example Ltd.", "invoiceEmail", "not-an-address", "reason", "lost",
                "taxId", "12345")).errors();
        assertEquals(Map.of("invoiceEmail", "must be an email address", "taxId", "does not match the expected format"),
                errors);
    }
}
