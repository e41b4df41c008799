package io.kefu.api.spi;

import io.kefu.api.nlu.Entity;
import java.util.List;
import java.util.Locale;
import org.osgi.annotation.versioning.ConsumerType;

/** Finds slot values (order numbers, phones, dates, amounts, ...) in a message. All registered extractors run. */
@ConsumerType
public interface EntityExtractor {
    List<Entity> extract(String text, Locale language);
}
