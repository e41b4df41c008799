package io.kefu.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/** {@code %pii(...)}: masks personal data in whatever the wrapped pattern produced. */
public final class PiiMaskingConverter extends CompositeConverter<ILoggingEvent> {
    @Override
    protected String transform(ILoggingEvent event, String in) {
        return PiiMask.mask(in);
    }
}
