package io.kefu.channel.email.internal;

import io.kefu.api.conversation.Attachment;
import java.util.List;

/**
 * A customer's mail as Kefu takes it in, read from its raw bytes by {@link MailReader}.
 *
 * @param messageId the Message-ID with its angle brackets ({@code <...>}), or a synthetic one when the mail has none
 * @param threadHint the message this one answers (In-Reply-To, else the last of References), or null
 * @param references the References chain including {@code messageId}'s parent, oldest first, for threading replies
 * @param from the sender's address in lower case, or null when the mail names none that can be parsed
 * @param automated the mail says it was sent by a machine (auto-reply, bulk, mailing list, delivery report), so no
 *     automatic answer may be sent to it
 */
record ReceivedMail(String messageId, String threadHint, List<String> references, String from, String subject,
        String body, List<Attachment> attachments, boolean automated) {
    ReceivedMail {
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
    }
}
