package io.kefu.channel.email.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes the previous mail that a reply quotes below the customer's new text. Kefu already holds that earlier
 * text in the same conversation, and repeating it in every message buries what is new.
 *
 * <p>Deliberately conservative, because losing a customer's words is worse than showing a quote twice: only replies
 * are trimmed, only from a recognised separator line (Outlook's and Foxmail/QQ Mail's "original message" rulers, or
 * an "On ... wrote:" / "在 ... 写道：" line followed by quoted lines) to the end, and only when text remains above it.
 * Quotes interleaved with the customer's answers are kept.
 */
final class QuotedReply {
    private static final Pattern RULER = Pattern.compile(
            "^-{2,}\\s*(Original Message|原始邮件|原始郵件)\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE);

    /** Outlook's underline, which counts only when the quoted mail's header block follows it. */
    private static final Pattern UNDERLINE = Pattern.compile("^_{10,}$");
    private static final Pattern QUOTED_HEADER = Pattern.compile("^(From|发件人|寄件者)\\s*[:：].*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(On\\b.{0,300}\\bwrote:|在.{0,300}写道[：:]|於.{0,300}寫道[：:])\\s*$", Pattern.CASE_INSENSITIVE);

    private QuotedReply() {
    }

    static String strip(String body) {
        String[] lines = body.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            boolean cut = RULER.matcher(line).matches()
                    || (UNDERLINE.matcher(line).matches() && QUOTED_HEADER.matcher(nextText(lines, i + 1)).matches())
                    || (ATTRIBUTION.matcher(line).matches() && onlyQuotesFollow(lines, i + 1));
            if (cut) {
                String kept = String.join("\n", List.of(lines).subList(0, i)).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
                return body;
            }
        }
        return body;
    }

    private static String nextText(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return "";
    }

    private static boolean onlyQuotesFollow(String[] lines, int from) {
        boolean any = false;
        for (int i = from; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith(">")) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
