package io.kefu.channel.webchat.internal;

import io.kefu.api.conversation.Conversations;
import io.kefu.api.conversation.MessageIngest;
import jakarta.servlet.Servlet;
import java.util.List;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The widget's WebSocket at {@code /ws/webchat}. Pages from origins that are not allowed are refused at the
 * handshake. Compression is declined: browsers always offer it, and it costs about 100 KB per connection outside
 * the heap (measured), which ten thousand open chats cannot afford. Must extend {@link JettyWebSocketServlet}
 * directly: Felix HTTP recognises WebSocket servlets by their superclass.
 */
@Component(service = Servlet.class, configurationPid = "kefu.channel.webchat")
@Designate(ocd = WebchatConfig.class)
@HttpWhiteboardServletPattern("/ws/webchat")
public final class WebchatSocketServlet extends JettyWebSocketServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WebchatSocketServlet.class);

    private final transient WebchatChannel channel;
    private final transient MessageIngest ingest;
    private final transient Conversations conversations;
    private transient volatile WebchatSettings settings;

    @Activate
    public WebchatSocketServlet(@Reference WebchatChannel channel, @Reference MessageIngest ingest,
            @Reference Conversations conversations, WebchatConfig config) {
        this.channel = channel;
        this.ingest = ingest;
        this.conversations = conversations;
        this.settings = checked(config, WebchatSettings.defaults());
    }

    @Modified
    void modified(WebchatConfig config) {
        settings = checked(config, settings);
    }

    private static WebchatSettings checked(WebchatConfig config, WebchatSettings previous) {
        try {
            return WebchatSettings.from(config);
        } catch (RuntimeException e) {
            LOG.error("Ignoring the kefu.channel.webchat configuration and keeping the previous one: {}", e.getMessage());
            return previous;
        }
    }

    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
        factory.setIdleTimeout(settings.idleTimeout());
        factory.setMaxTextMessageSize(16 * 1024);
        factory.setCreator((request, response) -> {
            WebchatSettings current = settings;
            String origin = request.getOrigin();
            if (!current.admits(origin)) {
                LOG.warn("Refused a web chat connection from origin {}", origin);
                response.sendForbidden("origin not allowed");
                return null;
            }
            response.setExtensions(List.of());
            return new VisitorConnection(channel.visitors, ingest, conversations, current);
        });
    }
}
