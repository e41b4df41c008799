package io.kefu.channel.webchat.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** The widget script, its demo page and README, at {@code /webchat/}: public, as any web page may embed them. */
@Component(service = WidgetResources.class)
@HttpWhiteboardResource(pattern = "/webchat/*", prefix = "/webchat")
public final class WidgetResources {
}
