package io.kefu.conversation.internal;

import io.kefu.api.conversation.Message;
import io.kefu.api.security.AuditLog;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Roles;
import io.kefu.conversation.internal.Rows.MessageRow;
import io.kefu.web.ApiException;
import io.kefu.web.KefuRest;
import io.kefu.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** The dead-letter list: replies that could not be delivered, with the channel's reason, and replaying them. */
@Component(service = DeliveryResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public final class DeliveryResource {
    private final ConversationData data;
    private final OutboundDelivery delivery;
    private final AuditLog audit;

    @Activate
    public DeliveryResource(@Reference ConversationData data, @Reference OutboundDelivery delivery,
            @Reference AuditLog audit) {
        this.data = data;
        this.delivery = delivery;
        this.audit = audit;
    }

    /** A failed reply and why it failed. */
    public record DeadLetter(Message message, String error) {
    }

    @GET
    @Path("/failed")
    public Page<DeadLetter> failed(@QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        int from = Page.offset(offset);
        int size = Page.limit(limit);
        return new Page<>(data.read(m -> m.failedDeliveries(from, size)).stream()
                .map(row -> new DeadLetter(row.toMessage(), row.deliveryError())).toList(), from, size,
                data.read(ConversationMapper::failedDeliveryCount));
    }

    @POST
    @Path("/{messageId}/retry")
    public Response retry(@PathParam("messageId") String messageId, @Context SecurityContext security) {
        MessageRow message = data.read(m -> m.message(messageId));
        if (message == null) {
            throw ApiException.notFound("delivery.not_found", "no message " + messageId);
        }
        if (data.write(m -> m.retry(messageId)) == 0) {
            throw ApiException.conflict("delivery.not_failed", "Only failed deliveries can be retried; this one is "
                    + message.delivery());
        }
        delivery.deliver(messageId);
        audit.record(((KefuUser) security.getUserPrincipal()).username(), "delivery.retry", "message:" + messageId,
                "on " + message.channel());
        return Response.accepted().build();
    }
}
