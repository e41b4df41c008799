package io.kefu.channel.email.internal;

import java.util.Map;

/**
 * The short note a customer gets when their mail was not taken in, in English and Chinese (Kefu's two languages
 * so far; the channel does not know which one the customer reads).
 */
final class RefusalNote {
    private record Reason(String english, String chinese) {
    }

    private static final Map<String, Reason> REASONS = Map.of(
            "email.too_large", new Reason("it is too large", "邮件过大"),
            "email.too_many_attachments", new Reason("it has too many attachments", "附件数量过多"),
            "message.too_long", new Reason("its text is too long", "正文过长"),
            "message.too_many_attachments", new Reason("it has too many attachments", "附件数量过多"),
            "message.attachment_too_large", new Reason("an attachment is too large", "附件过大"));
    private static final Reason OTHER = new Reason("it could not be processed", "无法处理");

    private RefusalNote() {
    }

    static String text(String subject, String code) {
        Reason reason = REASONS.getOrDefault(code, OTHER);
        String quoted = subject == null || subject.isBlank() ? "" : " \"" + subject.strip() + "\"";
        String quotedZh = subject == null || subject.isBlank() ? "" : "“" + subject.strip() + "”";
        return "Hello,\n\n"
                + "Your email" + quoted + " did not reach our customer service because " + reason.english() + ".\n"
                + "Please send it again in a smaller form, for example with fewer or smaller attachments,"
                + " or contact us another way.\n\n"
                + "您好：\n\n"
                + "您发送的邮件" + quotedZh + "未能送达我们的客服，原因：" + reason.chinese() + "。\n"
                + "请精简后重新发送（例如减少附件或缩小附件），或通过其他方式联系我们。\n\n"
                + "-- \nThis is an automatic message. 此邮件为自动发送。\n";
    }
}
