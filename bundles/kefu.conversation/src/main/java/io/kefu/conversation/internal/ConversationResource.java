package io.kefu.conversation.internal;

import io.kefu.api.conversation.Conversation;
import io.kefu.api.conversation.ConversationStatus;
import io.kefu.api.conversation.Message;
import io.kefu.api.conversation.MessageRejectedException;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Roles;
import io.kefu.conversation.internal.Rows.InboxRow;
import io.kefu.web.ApiException;
import io.kefu.web.KefuRest;
import io.kefu.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import java.time.Instant;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** The agent's inbox and conversation view: list, read, reply, note, assign, take, resolve. */
@Component(service = ConversationResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect(KefuRest.APPLICATION)
@Path("/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
public final class ConversationResource {
    private final ConversationService conversations;
    private final ConversationData data;

    @Activate
    public ConversationResource(@Reference ConversationService conversations, @Reference ConversationData data) {
        this.conversations = conversations;
        this.data = data;
    }

    /** One line of the inbox. */
    public record InboxEntry(String id, String customerId, String customerName, String channel, String status,
            String handling, String assigneeId, String subject, Instant lastMessageAt, String lastMessage) {
        static InboxEntry of(InboxRow row) {
            String preview = row.lastMessage() == null ? null
                    : row.lastMessage().length() > 140 ? row.lastMessage().substring(0, 139) + "…" : row.lastMessage();
            return new InboxEntry(row.id(), row.customerId(), row.customerName(), row.channel(), row.status(),
                    row.handling(), row.assigneeId(), row.subject(), row.lastMessageAt(), preview);
        }
    }

    public record NewMessage(String body, Boolean internal) {
    }

    public record Assignment(String assigneeId) {
    }

    public record StatusChange(ConversationStatus status) {
    }

    /**
     * {@code view}: {@code mine} (assigned to me), {@code unassigned}, or {@code all} (the default);
     * {@code channel} and {@code status} narrow it further.
     */
    @GET
    public Page<InboxEntry> inbox(@QueryParam("view") String view, @QueryParam("channel") String channel,
            @QueryParam("status") String status, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext security) {
        int from = Page.offset(offset);
        int size = Page.limit(limit);
        String scope = view == null ? "all" : view;
        String assignee = switch (scope) {
            case "mine" -> user(security).id();
            case "unassigned", "all" -> null;
            default -> throw ApiException.badRequest("inbox.view", "view must be mine, unassigned or all");
        };
        boolean unassigned = scope.equals("unassigned");
        String statusFilter = status == null ? null : statusOf(status).name();
        return new Page<>(data.read(m -> m.inbox(assignee, unassigned, channel, statusFilter, from, size)).stream()
                .map(InboxEntry::of).toList(), from, size,
                data.read(m -> m.inboxCount(assignee, unassigned, channel, statusFilter)));
    }

    @GET
    @Path("/{id}")
    public Conversation conversation(@PathParam("id") String id) {
        return conversations.find(id).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}/messages")
    public Page<Message> messages(@PathParam("id") String id, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        int from = Page.offset(offset);
        int size = Page.limit(limit);
        var messages = handle(() -> conversations.messages(id, from, size));
        return new Page<>(messages, from, size, data.read(m -> m.messageCount(id)));
    }

    @POST
    @Path("/{id}/messages")
    public Response send(@PathParam("id") String id, NewMessage message, @Context SecurityContext security) {
        if (message == null) {
            throw ApiException.badRequest("request.empty", "Send body and, for an internal note, internal: true");
        }
        KefuUser user = user(security);
        Message stored = handle(() -> Boolean.TRUE.equals(message.internal())
                ? conversations.note(id, message.body(), user) : conversations.reply(id, message.body(), user));
        return Response.status(Response.Status.CREATED).entity(stored).build();
    }

    @POST
    @Path("/{id}/assign")
    public Conversation assign(@PathParam("id") String id, Assignment assignment, @Context SecurityContext security) {
        return handle(() -> conversations.assign(id, assignment == null ? null : assignment.assigneeId(), user(security)));
    }

    /** Assign to myself: the agent's "take over". */
    @POST
    @Path("/{id}/take")
    public Conversation take(@PathParam("id") String id, @Context SecurityContext security) {
        KefuUser me = user(security);
        return handle(() -> conversations.assign(id, me.id(), me));
    }

    @POST
    @Path("/{id}/status")
    public Conversation status(@PathParam("id") String id, StatusChange change, @Context SecurityContext security) {
        if (change == null || change.status() == null) {
            throw ApiException.badRequest("request.incomplete", "Send status: OPEN, PENDING, RESOLVED or CLOSED");
        }
        return handle(() -> conversations.setStatus(id, change.status(), user(security)));
    }

    private static ConversationStatus statusOf(String text) {
        try {
            return ConversationStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("inbox.status", "status must be OPEN, PENDING, RESOLVED or CLOSED");
        }
    }

    static <T> T handle(Supplier<T> work) {
        try {
            return work.get();
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("conversation.not_found", e.getMessage());
        } catch (MessageRejectedException e) {
            throw new ApiException(e.tooLarge() ? 413 : 400, e.code(), e.getMessage());
        }
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("conversation.not_found", "no conversation " + id);
    }

    static KefuUser user(SecurityContext security) {
        return (KefuUser) security.getUserPrincipal();
    }
}
