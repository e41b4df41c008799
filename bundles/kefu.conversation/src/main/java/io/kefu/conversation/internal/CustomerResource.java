package io.kefu.conversation.internal;

import io.kefu.api.conversation.Conversation;
import io.kefu.api.conversation.Message;
import io.kefu.api.customer.ChannelIdentity;
import io.kefu.api.security.Roles;
import io.kefu.conversation.internal.Rows.ConversationRow;
import io.kefu.conversation.internal.Rows.CustomerRow;
import io.kefu.conversation.internal.Rows.IdentityRow;
import io.kefu.web.ApiException;
import io.kefu.web.KefuRest;
import io.kefu.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** The customer panel: who the customer is across channels, their conversations, and one timeline of everything. */
@Component(service = CustomerResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
public final class CustomerResource {
    private final ConversationData data;

    @Activate
    public CustomerResource(@Reference ConversationData data) {
        this.data = data;
    }

    /** A customer with identities, tags and conversations, newest first. */
    public record Profile(String id, String displayName, String tier, List<ChannelIdentity> identities,
            List<String> tags, List<Conversation> conversations, Instant createdAt) {
    }

    @GET
    @Path("/{id}")
    public Profile profile(@PathParam("id") String id) {
        return data.read(m -> {
            CustomerRow customer = m.customer(IngestService.current(m, id));
            if (customer == null) {
                throw ApiException.notFound("customer.not_found", "no customer " + id);
            }
            return new Profile(customer.id(), customer.displayName(), customer.tier(),
                    m.identitiesOf(customer.id()).stream().map(IdentityRow::toIdentity).toList(),
                    m.tagsOf(customer.id()),
                    m.conversationsOf(customer.id()).stream().map(ConversationRow::toConversation).toList(),
                    customer.createdAt());
        });
    }

    /** Every message of every conversation of the customer, on every channel, oldest first. */
    @GET
    @Path("/{id}/timeline")
    public Page<Message> timeline(@PathParam("id") String id, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        int from = Page.offset(offset);
        int size = Page.limit(limit);
        return data.read(m -> {
            String customerId = IngestService.current(m, id);
            if (m.customer(customerId) == null) {
                throw ApiException.notFound("customer.not_found", "no customer " + id);
            }
            List<Message> messages = Rows.messages(m.timeline(customerId, from, size));
            return new Page<>(messages, from, size, m.timelineCount(customerId));
        });
    }
}
