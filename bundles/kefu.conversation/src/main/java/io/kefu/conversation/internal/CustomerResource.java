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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.NoSuchElementException;
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
    private final CustomerService customers;

    @Activate
    public CustomerResource(@Reference ConversationData data, @Reference CustomerService customers) {
        this.data = data;
        this.customers = customers;
    }

    /** A customer with identities, tags, conversations (newest first) and the merges that involve them. */
    public record Profile(String id, String displayName, String tier, List<ChannelIdentity> identities,
            List<String> tags, List<Conversation> conversations, List<Merge> merges, Instant createdAt) {
    }

    /** A merge seen from one of its two customers. */
    public record Merge(String id, String otherCustomerId, String otherCustomerName, Instant mergedAt, Instant undoneAt) {
    }

    public record Tags(List<String> tags) {
    }

    public record MergeRequest(String otherCustomerId) {
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
                    m.mergesOf(customer.id()).stream().map(merge -> {
                        String other = merge.targetId().equals(customer.id()) ? merge.sourceId() : merge.targetId();
                        CustomerRow otherRow = m.customer(other);
                        return new Merge(merge.id(), other, otherRow == null ? null : otherRow.displayName(),
                                merge.mergedAt(), merge.undoneAt());
                    }).toList(),
                    customer.createdAt());
        });
    }

    @PUT
    @Path("/{id}/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    public Profile setTags(@PathParam("id") String id, Tags tags, @Context SecurityContext security) {
        if (tags == null || tags.tags() == null) {
            throw ApiException.badRequest("request.incomplete", "Send tags: [...]");
        }
        change(() -> customers.setTags(id, tags.tags(), ConversationResource.user(security)));
        return profile(id);
    }

    @POST
    @Path("/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Profile merge(@PathParam("id") String id, MergeRequest request, @Context SecurityContext security) {
        if (request == null || request.otherCustomerId() == null) {
            throw ApiException.badRequest("request.incomplete", "Send otherCustomerId");
        }
        change(() -> customers.merge(id, request.otherCustomerId(), ConversationResource.user(security)));
        return profile(id);
    }

    @POST
    @Path("/merges/{mergeId}/undo")
    public Response undo(@PathParam("mergeId") String mergeId, @Context SecurityContext security) {
        change(() -> customers.undo(mergeId, ConversationResource.user(security)));
        return Response.noContent().build();
    }

    private static void change(Runnable work) {
        try {
            work.run();
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("customer.not_found", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("customer.invalid", e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.conflict("customer.conflict", e.getMessage());
        }
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
