package io.kefu.workflow.internal;

import io.kefu.api.conversation.Conversations;
import io.kefu.api.spi.Notification;
import io.kefu.api.spi.Notifier;
import io.kefu.api.workflow.ActionContext;
import io.kefu.api.workflow.ProcessAction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The actions processes use to talk to customers and people: Kefu's own entries on the action whiteboard. */
final class ConversationActions {
    private ConversationActions() {
    }

    /** The conversation a process is about: its {@code conversationId} variable, else its business key. */
    static String conversationOf(ActionContext context) {
        return context.text("conversationId", context.businessKey());
    }

    static String required(ActionContext context, String input) {
        String value = context.text(input, null);
        if (value == null) {
            throw new IllegalArgumentException("the step " + context.activityId() + " needs the input '" + input + "'");
        }
        return value;
    }

    /** {@code customer.message}: replies to the customer in the conversation (input {@code text}). */
    @Component(service = ProcessAction.class)
    public static final class CustomerMessage implements ProcessAction {
        private final Conversations conversations;

        @Activate
        public CustomerMessage(@Reference Conversations conversations) {
            this.conversations = conversations;
        }

        @Override
        public String name() {
            return "customer.message";
        }

        @Override
        public void execute(ActionContext context) {
            conversations.reply(conversationOf(context), required(context, "text"), null);
        }
    }

    /** {@code conversation.note}: an internal note in the conversation (input {@code text}). */
    @Component(service = ProcessAction.class)
    public static final class ConversationNote implements ProcessAction {
        private final Conversations conversations;

        @Activate
        public ConversationNote(@Reference Conversations conversations) {
            this.conversations = conversations;
        }

        @Override
        public String name() {
            return "conversation.note";
        }

        @Override
        public void execute(ActionContext context) {
            conversations.note(conversationOf(context), required(context, "text"), null);
        }
    }

    /**
     * {@code person.notify}: tells a person or team (inputs {@code recipient}, {@code subject}, {@code text})
     * through every installed notifier. One notifier failing does not stop the others, but if all fail the step
     * fails, so that it is retried.
     */
    @Component(service = ProcessAction.class)
    public static final class Notify implements ProcessAction {
        private static final Logger LOG = LoggerFactory.getLogger(Notify.class);
        private final List<Notifier> notifiers = new CopyOnWriteArrayList<>();

        @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
        void addNotifier(Notifier notifier) {
            notifiers.add(notifier);
        }

        void removeNotifier(Notifier notifier) {
            notifiers.remove(notifier);
        }

        @Override
        public String name() {
            return "person.notify";
        }

        @Override
        public void execute(ActionContext context) {
            Notification notification = new Notification(required(context, "recipient"),
                    required(context, "subject"), context.text("text", ""),
                    Map.of("processInstanceId", context.processInstanceId(), "businessKey",
                            String.valueOf(context.businessKey())));
            RuntimeException last = null;
            int delivered = 0;
            for (Notifier notifier : notifiers) {
                try {
                    notifier.notify(notification);
                    delivered++;
                } catch (RuntimeException e) {
                    LOG.warn("Notifier {} failed: {}", notifier.getClass().getName(), e.getMessage());
                    last = e;
                }
            }
            if (delivered == 0 && last != null) {
                throw last;
            }
        }
    }
}
