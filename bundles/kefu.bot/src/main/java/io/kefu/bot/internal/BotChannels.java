package io.kefu.bot.internal;

import io.kefu.api.nlu.Understanding;
import io.kefu.api.spi.Bot;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Tells conversation ingest which channels the bot answers first. Kept apart from {@link KefuBot} because ingest
 * uses this while {@link KefuBot} uses conversations: one component doing both would be a cycle that DS refuses.
 * It needs {@link Understanding}, so without understanding the bot claims no channel and customers go to agents.
 */
@Component(service = Bot.class, configurationPid = "kefu.bot")
@Designate(ocd = BotConfig.class)
public final class BotChannels implements Bot {
    private volatile Set<String> channels;

    @Activate
    public BotChannels(@Reference Understanding understanding, BotConfig config) {
        modified(config);
    }

    @Modified
    void modified(BotConfig config) {
        channels = Set.of(config.channels());
    }

    @Override
    public boolean answers(String channel) {
        return channels.contains(channel);
    }
}
