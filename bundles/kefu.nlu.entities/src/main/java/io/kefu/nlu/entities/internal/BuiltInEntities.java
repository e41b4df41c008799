package io.kefu.nlu.entities.internal;

import io.kefu.api.nlu.Entity;
import io.kefu.api.spi.EntityExtractor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in entity extractors: runs every recognizer over a message and keeps one entity per stretch of text.
 * Configuration changes apply to the next message; one that does not parse is refused as a whole and the last good
 * configuration stays in use, so a typo in a pattern cannot switch extraction off.
 */
@Component(service = EntityExtractor.class, configurationPid = "kefu.nlu.entities")
@Designate(ocd = EntitiesConfig.class)
public final class BuiltInEntities implements EntityExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(BuiltInEntities.class);

    private final Clock clock;
    private final List<Recognizer> recognizers = List.of(new OrderNumbers(), new Phones(), new Emails(),
            new DatesAndTimes(), new Amounts(), new IdCards(), new BankCards());
    private volatile Settings settings;

    @Activate
    public BuiltInEntities(EntitiesConfig config) {
        this(config, Clock.systemUTC());
    }

    BuiltInEntities(EntitiesConfig config, Clock clock) {
        this.clock = clock;
        apply(config);
    }

    @Modified
    void modified(EntitiesConfig config) {
        apply(config);
    }

    private void apply(EntitiesConfig config) {
        try {
            settings = Settings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Configuration kefu.nlu.entities refused, {}: {}",
                    settings == null ? "using the defaults" : "keeping the previous one", e.getMessage());
            if (settings == null) {
                settings = Settings.defaults();
            }
        }
    }

    @Override
    public List<Entity> extract(String text, Locale language) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Text message = new Text(text);
        Settings current = settings;
        Context context = new Context(clock.instant().atZone(current.zone()), language == null ? Locale.ROOT : language,
                current);
        List<Candidate> candidates = new ArrayList<>();
        for (Recognizer recognizer : recognizers) {
            recognizer.find(message, context, candidates);
        }
        return Overlaps.resolve(candidates).stream().map(c -> c.toEntity(message)).toList();
    }
}
