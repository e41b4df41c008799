package io.kefu.nlu.entities.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A configuration checked as a whole: either every attribute parses or none of it is used. */
record Settings(List<Pattern> orderNumberPatterns, ZoneId zone) {

    static Settings from(EntitiesConfig config) {
        return from(config.orderNumberPatterns(), config.timeZone());
    }

    /** @throws IllegalArgumentException naming the attribute that does not parse and why */
    static Settings from(String[] orderNumberPatterns, String timeZone) {
        List<Pattern> patterns = new ArrayList<>();
        String[] sources = orderNumberPatterns == null ? new String[0] : orderNumberPatterns;
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] == null || sources[i].isBlank()) {
                continue; // an empty line in a .config array, not a pattern matching everywhere
            }
            try {
                patterns.add(Pattern.compile(sources[i]));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("orderNumberPatterns[" + i + "] '" + sources[i]
                        + "' is not a valid regular expression: " + e.getDescription()
                        + " near index " + e.getIndex(), e);
            }
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null ? "" : timeZone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone '" + timeZone
                    + "' is not a time zone id such as Asia/Shanghai", e);
        }
        return new Settings(List.copyOf(patterns), zone);
    }

    static Settings defaults() {
        return from(new String[] {OrderNumbers.DEMO_SHOP, OrderNumbers.AFTER_CUE_WORD}, "Asia/Shanghai");
    }
}
