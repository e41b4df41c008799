package io.kefu.nlu.entities.internal;

import io.kefu.testing.LogCapture;
import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.api.nlu.Entity;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** PID kefu.nlu.entities: applied while running, and a bad edit never leaves extraction without a configuration. */
class ConfigurationTest {

    private static List<String> orderNumbers(BuiltInEntities extractor, String message) {
        return extractor.extract(message, Locale.CHINESE).stream()
                .filter(e -> e.type().equals("order_number")).map(Entity::value).toList();
    }

    @Test
    void aShopsOwnPatternReplacesTheDemoShopsAndAppliesToTheNextMessage() {
        BuiltInEntities extractor = Configs.extractor(Configs.SATURDAY);
        assertThat(orderNumbers(extractor, "E20261121000123 和 so-20261121")).containsExactly("E20261121000123");

        extractor.modified(Configs.config(new String[] {"(?i)SO-\\d{8}"}, "Asia/Shanghai"));

        assertThat(orderNumbers(extractor, "E20261121000123 和 so-20261121")).containsExactly("SO-20261121");
    }

    @Test
    void aPatternsGroupNamedNumberIsTheOrderNumber() {
        BuiltInEntities extractor = new BuiltInEntities(
                Configs.config(new String[] {"单据\\s*(?<number>\\d{6})"}, "Asia/Shanghai"), Configs.SATURDAY);

        assertThat(extractor.extract("单据 123456 没到", Locale.CHINESE))
                .containsExactly(new Entity("order_number", "123456", "123456", 3, 9));
    }

    @Test
    void aCustomPatternIsNotFoundInsideALongerRun() {
        BuiltInEntities extractor = new BuiltInEntities(
                Configs.config(new String[] {"SO\\d{4}"}, "Asia/Shanghai"), Configs.SATURDAY);

        assertThat(orderNumbers(extractor, "SO12345 XSO1234 SO1234")).containsExactly("SO1234");
    }

    @Test
    void noPatternsMeansNoOrderNumbers() {
        BuiltInEntities extractor = new BuiltInEntities(Configs.config(new String[0], "Asia/Shanghai"), Configs.SATURDAY);

        assertThat(orderNumbers(extractor, "订单E20261121000123")).isEmpty();
    }

    @Test
    void anInvalidPatternIsLoggedByNameAndTheLastGoodConfigurationStays() {
        BuiltInEntities extractor = Configs.extractor(Configs.SATURDAY);
        extractor.modified(Configs.config(new String[] {"SO-\\d{8}"}, "UTC"));

        try (LogCapture log = new LogCapture(BuiltInEntities.class)) {
            extractor.modified(Configs.config(new String[] {"SO-\\d{8}", "PO-(\\d{8}"}, "Asia/Shanghai"));

            assertThat(log.messages()).singleElement().asString()
                    .startsWith("ERROR").contains("keeping the previous one", "orderNumberPatterns[1]", "PO-(\\d{8}");
        }
        assertThat(orderNumbers(extractor, "SO-12345678 E20261121000123")).containsExactly("SO-12345678");
        // the time zone of the refused edit was not applied either: it is refused as a whole
        assertThat(extractor.extract("tomorrow at 3pm", Locale.ENGLISH)).extracting(Entity::value)
                .containsExactly("2026-11-22T15:00+00:00");
    }

    @Test
    void anUnknownTimeZoneIsLoggedByNameAndTheLastGoodConfigurationStays() {
        BuiltInEntities extractor = Configs.extractor(Configs.SATURDAY);

        try (LogCapture log = new LogCapture(BuiltInEntities.class)) {
            extractor.modified(Configs.config(new String[] {"SO-\\d{8}"}, "Asia/Beijing"));

            assertThat(log.messages()).singleElement().asString().contains("timeZone", "Asia/Beijing");
        }
        assertThat(orderNumbers(extractor, "E20261121000123 SO-12345678")).containsExactly("E20261121000123");
        assertThat(extractor.extract("明天下午3点", Locale.CHINESE)).extracting(Entity::value)
                .containsExactly("2026-11-22T15:00+08:00");
    }

    @Test
    void anInvalidConfigurationAtStartUsesTheDefaults() {
        try (LogCapture log = new LogCapture(BuiltInEntities.class)) {
            BuiltInEntities extractor = new BuiltInEntities(
                    Configs.config(new String[] {"[unclosed"}, "Asia/Shanghai"), Configs.SATURDAY);

            assertThat(log.messages()).singleElement().asString()
                    .contains("using the defaults", "orderNumberPatterns[0]");
            assertThat(orderNumbers(extractor, "订单E20261121000123")).containsExactly("E20261121000123");
        }
    }

    @Test
    void theAnnotationsDefaultsAreTheDocumentedDefaults() throws Exception {
        EntitiesConfig defaults = Configs.defaults();
        var method = EntitiesConfig.class.getDeclaredMethod("orderNumberPatterns");
        var zone = EntitiesConfig.class.getDeclaredMethod("timeZone");

        assertThat((String[]) method.getDefaultValue()).containsExactly(defaults.orderNumberPatterns());
        assertThat(zone.getDefaultValue()).isEqualTo("Asia/Shanghai");
        assertThat(Settings.defaults().orderNumberPatterns()).extracting(java.util.regex.Pattern::pattern)
                .containsExactly(defaults.orderNumberPatterns());
    }
}
