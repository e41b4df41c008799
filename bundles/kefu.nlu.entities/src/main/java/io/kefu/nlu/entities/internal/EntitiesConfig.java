package io.kefu.nlu.entities.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the built-in entity extractors: PID {@code kefu.nlu.entities}, file {@code conf/kefu.nlu.entities.cfg}
 * (or {@code .config} for several patterns). Applied while running; an edit that does not parse keeps the previous one.
 * Public only so that tools outside OSGi (the evaluation harness) can build one; the package is not exported.
 */
@ObjectClassDefinition(name = "Kefu built-in entities",
        description = "Order numbers, phones, emails, dates and times, amounts, ID and bank card numbers in messages")
public @interface EntitiesConfig {
    @AttributeDefinition(description = "Regular expressions (Java syntax) for this shop's order numbers. If a pattern"
            + " has a group named 'number', that group is the order number, otherwise the whole match. A match inside"
            + " a longer run of letters and digits is ignored. Empty to find no order numbers.")
    String[] orderNumberPatterns() default {OrderNumbers.DEMO_SHOP, OrderNumbers.AFTER_CUE_WORD};

    @AttributeDefinition(description = "Time zone (IANA id such as Asia/Shanghai) in which relative dates and times"
            + " such as 'tomorrow 3pm' are read.")
    String timeZone() default "Asia/Shanghai";
}
