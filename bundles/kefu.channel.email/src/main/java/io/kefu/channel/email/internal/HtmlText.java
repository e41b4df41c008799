package io.kefu.channel.email.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an HTML mail body as an agent would want to see it: the text, with paragraphs, line breaks, list items and
 * quoted blocks kept, and nothing that could run (scripts, styles, event handlers, embedded objects are dropped with
 * their content). The result is plain text; no markup survives, so the body stored in Kefu is inert wherever it is
 * shown.
 *
 * <p>A single forward scan without regular expressions, so that hostile or enormous markup costs linear time.
 */
final class HtmlText {
    /** Elements whose content is never text for a reader. */
    private static final Set<String> DROPPED = Set.of("script", "style", "head", "title", "noscript", "template",
            "object", "embed", "applet", "iframe", "frameset", "svg", "math", "select", "textarea", "button");

    /** Elements that start on a new line. */
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "main",
            "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "table", "tr",
            "form", "fieldset", "address", "center", "hr", "pre", "figure", "figcaption", "caption", "tbody",
            "thead", "tfoot", "blockquote");

    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ensp", " "), Map.entry("emsp", " "),
            Map.entry("thinsp", " "), Map.entry("shy", ""), Map.entry("zwnj", ""), Map.entry("zwj", ""),
            Map.entry("copy", "©"), Map.entry("reg", "®"), Map.entry("trade", "™"), Map.entry("hellip", "…"),
            Map.entry("mdash", "—"), Map.entry("ndash", "–"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"),
            Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("laquo", "«"), Map.entry("raquo", "»"),
            Map.entry("bull", "•"), Map.entry("middot", "·"), Map.entry("euro", "€"), Map.entry("pound", "£"),
            Map.entry("yen", "¥"), Map.entry("cent", "¢"), Map.entry("deg", "°"), Map.entry("times", "×"),
            Map.entry("divide", "÷"), Map.entry("plusmn", "±"), Map.entry("sect", "§"), Map.entry("para", "¶"),
            Map.entry("larr", "←"), Map.entry("rarr", "→"), Map.entry("uarr", "↑"), Map.entry("darr", "↓"));

    private final String html;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    private int quoteDepth;
    private int preDepth;
    /** A space is owed before the next text (collapsed HTML whitespace). */
    private boolean pendingSpace;
    private String pendingHref;

    private HtmlText(String html) {
        this.html = html;
    }

    static String toText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        HtmlText converter = new HtmlText(html);
        converter.run();
        return tidy(converter.out.toString());
    }

    private void run() {
        int textStart = 0;
        while (pos < html.length()) {
            char c = html.charAt(pos);
            if (c == '<' && pos + 1 < html.length() && startsMarkup(html.charAt(pos + 1))) {
                text(html.substring(textStart, pos));
                markup();
                textStart = pos;
            } else {
                pos++;
            }
        }
        text(html.substring(textStart));
    }

    private static boolean startsMarkup(char next) {
        return Character.isLetter(next) || next == '/' || next == '!' || next == '?';
    }

    private void markup() {
        if (html.startsWith("<!--", pos)) {
            pos = skipPast("-->", pos + 4);
            return;
        }
        if (html.startsWith("<![CDATA[", pos)) {
            int end = html.indexOf("]]>", pos);
            String cdata = html.substring(pos + 9, end < 0 ? html.length() : end);
            pos = end < 0 ? html.length() : end + 3;
            text(cdata);
            return;
        }
        if (html.charAt(pos + 1) == '!' || html.charAt(pos + 1) == '?') {
            pos = skipPast(">", pos + 2);
            return;
        }
        boolean closing = html.charAt(pos + 1) == '/';
        int nameStart = pos + (closing ? 2 : 1);
        int nameEnd = nameStart;
        while (nameEnd < html.length() && isNameChar(html.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        int tagEnd = tagEnd(nameEnd);
        String attributes = html.substring(nameEnd, Math.max(nameEnd, tagEnd - 1));
        pos = tagEnd;
        if (!closing && DROPPED.contains(name)) {
            skipElement(name);
            return;
        }
        element(name, closing, attributes);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == ':' || c == '_';
    }

    /** The position after the tag's closing '>', ignoring '>' inside quoted attribute values. */
    private int tagEnd(int from) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return html.length();
    }

    /** Skips everything up to and including the element's end tag (or to the end when there is none). */
    private void skipElement(String name) {
        String lower = "</" + name;
        int i = pos;
        while (true) {
            int candidate = indexOfIgnoreCase(lower, i);
            if (candidate < 0) {
                pos = html.length();
                return;
            }
            int after = candidate + lower.length();
            if (after >= html.length() || !isNameChar(html.charAt(after))) {
                pos = tagEnd(after);
                return;
            }
            i = after;
        }
    }

    private int indexOfIgnoreCase(String needle, int from) {
        for (int i = from; i <= html.length() - needle.length(); i++) {
            if (html.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    private int skipPast(String end, int from) {
        int at = html.indexOf(end, from);
        return at < 0 ? html.length() : at + end.length();
    }

    private void element(String name, boolean closing, String attributes) {
        switch (name) {
            case "br" -> newline();
            case "li" -> {
                if (!closing) {
                    lineBreak();
                    append("- ");
                }
            }
            case "td", "th" -> {
                if (!closing) {
                    pendingSpace = true;
                }
            }
            case "img" -> {
                String alt = attribute(attributes, "alt");
                if (alt != null && !alt.isBlank()) {
                    text(" [" + alt.strip() + "] ");
                }
            }
            case "a" -> {
                if (closing) {
                    if (pendingHref != null) {
                        text(" <" + pendingHref + "> ");
                    }
                    pendingHref = null;
                } else {
                    pendingHref = linkTarget(attribute(attributes, "href"));
                }
            }
            case "blockquote" -> {
                lineBreak();
                quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
            }
            case "pre" -> {
                lineBreak();
                preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
            }
            default -> {
                if (BLOCKS.contains(name)) {
                    lineBreak();
                    if (name.equals("p") || name.matches("h[1-6]")) {
                        blankLine();
                    }
                }
            }
        }
    }

    /** Only web and mail links are worth showing; javascript: and data: targets are dropped. */
    private static String linkTarget(String href) {
        if (href == null) {
            return null;
        }
        String target = decodeEntities(href).strip();
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return target;
        }
        return null;
    }

    private static String attribute(String attributes, String wanted) {
        int i = 0;
        int n = attributes.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(attributes.charAt(i)) || attributes.charAt(i) == '/')) {
                i++;
            }
            int nameStart = i;
            while (i < n && !Character.isWhitespace(attributes.charAt(i)) && attributes.charAt(i) != '='
                    && attributes.charAt(i) != '/') {
                i++;
            }
            String name = attributes.substring(nameStart, i);
            while (i < n && Character.isWhitespace(attributes.charAt(i))) {
                i++;
            }
            String value = null;
            if (i < n && attributes.charAt(i) == '=') {
                i++;
                while (i < n && Character.isWhitespace(attributes.charAt(i))) {
                    i++;
                }
                if (i < n && (attributes.charAt(i) == '"' || attributes.charAt(i) == '\'')) {
                    char quote = attributes.charAt(i++);
                    int end = attributes.indexOf(quote, i);
                    value = attributes.substring(i, end < 0 ? n : end);
                    i = end < 0 ? n : end + 1;
                } else {
                    int start = i;
                    while (i < n && !Character.isWhitespace(attributes.charAt(i))) {
                        i++;
                    }
                    value = attributes.substring(start, i);
                }
            }
            if (name.equalsIgnoreCase(wanted)) {
                return value;
            }
            if (name.isEmpty() && i < n) {
                i++;
            }
        }
        return null;
    }

    private void text(String raw) {
        if (raw.isEmpty()) {
            return;
        }
        String decoded = decodeEntities(raw);
        if (preDepth > 0) {
            for (int i = 0; i < decoded.length(); i++) {
                char c = decoded.charAt(i);
                if (c == '\n') {
                    newline();
                } else if (c != '\r') {
                    append(String.valueOf(c));
                }
            }
            return;
        }
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (word.length() > 0) {
                    append(word.toString());
                    word.setLength(0);
                }
                pendingSpace = true;
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            append(word.toString());
        }
    }

    private void append(String text) {
        if (atLineStart()) {
            out.append("> ".repeat(quoteDepth));
            pendingSpace = false;
        } else if (pendingSpace) {
            out.append(' ');
        }
        pendingSpace = false;
        out.append(text);
    }

    private boolean atLineStart() {
        return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
    }

    /** Ends the current line unless it is already ended: block elements start on a line of their own. */
    private void lineBreak() {
        if (!atLineStart()) {
            newline();
        }
        pendingSpace = false;
    }

    private void newline() {
        out.append('\n');
        pendingSpace = false;
    }

    private void blankLine() {
        if (!out.isEmpty() && !out.toString().endsWith("\n\n")) {
            out.append('\n');
        }
    }

    static String decodeEntities(String text) {
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (amp >= 0) {
            out.append(text, i, amp);
            int semi = text.indexOf(';', amp);
            String replacement = null;
            if (semi > amp + 1 && semi - amp <= 12) {
                replacement = entity(text.substring(amp + 1, semi));
            }
            if (replacement != null) {
                out.append(replacement);
                i = semi + 1;
            } else {
                out.append('&');
                i = amp + 1;
            }
            amp = text.indexOf('&', i);
        }
        out.append(text, i, text.length());
        return out.toString();
    }

    private static String entity(String name) {
        if (name.startsWith("#")) {
            try {
                int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                if (code == 0 || code > Character.MAX_CODE_POINT || (code >= 0xD800 && code <= 0xDFFF)) {
                    return "\uFFFD";
                }
                return new String(Character.toChars(code));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        String named = ENTITIES.get(name);
        return named != null ? named : ENTITIES.get(name.toLowerCase(Locale.ROOT));
    }

    /** Trims each line, keeps at most one blank line in a row, and drops leading and trailing blank lines. */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blank = 0;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.stripTrailing();
            boolean empty = trimmed.replace(">", "").isBlank();
            if (empty) {
                blank++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            out.append(trimmed);
        }
        return out.toString();
    }
}
