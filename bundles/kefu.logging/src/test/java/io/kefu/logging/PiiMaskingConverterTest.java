package io.kefu.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.CoreConstants;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PiiMaskingConverterTest {
    /**
     * As in logback.xml. The line break sits inside %pii(...): logback 1.5 prints a %n that directly follows a
     * composite's closing parenthesis literally.
     */
    private static final String CONSOLE_PATTERN_TAIL = "%level - %pii(%msg%n)";

    private static String format(String pattern, String message) {
        LoggerContext context = new LoggerContext();
        Map<String, Supplier<?>> rules = new HashMap<>();
        rules.put("pii", PiiMaskingConverter::new);
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        layout.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("test"), Level.INFO, message, null, null);
        return layout.doLayout(event);
    }

    @Test
    void masksTheMessageAndKeepsTheLineBreak() {
        String line = format(CONSOLE_PATTERN_TAIL, "customer 13812345678 wrote");
        assertThat(line).isEqualTo("INFO - customer 138****5678 wrote" + System.lineSeparator());
    }
}
