package io.kefu.nlu.entities.internal;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Configurations and clocks as the tests need them; DS would build the configuration from the .cfg file. */
final class Configs {
    /** Saturday 21 November 2026, 10:00 in Shanghai. */
    static final Clock SATURDAY = at("2026-11-21T02:00:00Z");
    /** Thursday 31 December 2026, 23:30 in Shanghai: tomorrow is in another month and another year. */
    static final Clock NEW_YEARS_EVE = at("2026-12-31T15:30:00Z");

    private Configs() {
    }

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    static EntitiesConfig defaults() {
        return config(new String[] {OrderNumbers.DEMO_SHOP, OrderNumbers.AFTER_CUE_WORD}, "Asia/Shanghai");
    }

    static EntitiesConfig config(String[] orderNumberPatterns, String timeZone) {
        return new EntitiesConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EntitiesConfig.class;
            }

            @Override
            public String[] orderNumberPatterns() {
                return orderNumberPatterns;
            }

            @Override
            public String timeZone() {
                return timeZone;
            }
        };
    }

    static BuiltInEntities extractor(Clock clock) {
        return new BuiltInEntities(defaults(), clock);
    }
}
