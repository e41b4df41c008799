package io.kefu.channel.email.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes and header words of real-world mail into text. Mail clients label their charsets loosely: mail
 * marked {@code gb2312} routinely contains GBK-only characters (and GBK mail contains GB18030 ones), Big5 mail
 * contains HKSCS characters, and "iso-8859-1" usually means windows-1252. So a declared charset is widened to the
 * superset that decodes it, instead of being taken literally and showing agents replacement characters.
 */
final class MailText {
    private static final Charset GB18030 = Charset.forName("GB18030");

    /** Declared names (lower case) mapped to the charset that actually decodes what such mailers send. */
    private static final Map<String, String> WIDER = Map.ofEntries(
            Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"),
            Map.entry("cp936", "GB18030"), Map.entry("ms936", "GB18030"), Map.entry("windows-936", "GB18030"),
            Map.entry("euc-cn", "GB18030"), Map.entry("x-euc-cn", "GB18030"), Map.entry("csgb2312", "GB18030"),
            Map.entry("gb_2312-80", "GB18030"), Map.entry("chinese", "GB18030"),
            Map.entry("big5", "Big5-HKSCS"), Map.entry("big-5", "Big5-HKSCS"), Map.entry("cn-big5", "Big5-HKSCS"),
            Map.entry("x-x-big5", "Big5-HKSCS"), Map.entry("csbig5", "Big5-HKSCS"), Map.entry("cp950", "Big5-HKSCS"),
            Map.entry("ks_c_5601-1987", "x-windows-949"), Map.entry("euc-kr", "x-windows-949"),
            Map.entry("shift_jis", "windows-31j"), Map.entry("x-sjis", "windows-31j"),
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("latin1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"),
            Map.entry("utf8", "UTF-8"), Map.entry("unicode-1-1-utf-8", "UTF-8"));

    private MailText() {
    }

    /** The charset to decode text labelled {@code declared} with; UTF-8 when the label is missing or unknown. */
    static Charset charset(String declared) {
        if (declared == null || declared.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        String name = declared.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        String wider = WIDER.get(name);
        try {
            return Charset.forName(wider != null ? wider : name);
        } catch (IllegalArgumentException unknownOrUnsupported) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * Decodes a text part's bytes. Without a declared charset (RFC 2045 says US-ASCII, mailers mean whatever they
     * use) the bytes are tried as UTF-8 and then as GB18030 before falling back to windows-1252.
     */
    static String decode(byte[] bytes, String declaredCharset) {
        if (declaredCharset != null && !declaredCharset.isBlank()) {
            return new String(bytes, charset(declaredCharset));
        }
        return guess(bytes);
    }

    private static String guess(byte[] bytes) {
        String text = strict(bytes, StandardCharsets.UTF_8);
        if (text == null) {
            text = strict(bytes, GB18030);
        }
        return text != null ? text : new String(bytes, Charset.forName("windows-1252"));
    }

    private static String strict(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");

    /** An RFC 2047 encoded word: =?charset[*language]?B|Q?text?= */
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s*]+)(?:\\*[^?\\s]*)?\\?([BbQq])\\?([^?\\s]*)\\?=");

    /**
     * Decodes an unfolded header value: RFC 2047 encoded words, and raw 8-bit bytes that some mailers put into
     * headers unencoded (Jakarta Mail hands those over one char per byte). Adjacent encoded words in the same
     * charset are joined as bytes before decoding, because Chinese mailers often split one character's bytes
     * across two words, which per-word decoding would garble.
     */
    static String header(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.replaceAll("\\r?\\n[ \\t]", " ");
        if (value.contains("=?")) {
            value = decodeWords(value);
        } else {
            value = rawEightBit(value);
        }
        // Decoded words may carry line breaks or other controls; a subject is one line, and one that is later
        // written into a reply's header must not be able to start a header of its own.
        return CONTROL.matcher(value).replaceAll(" ").strip();
    }

    private static String decodeWords(String value) {
        StringBuilder out = new StringBuilder(value.length());
        Matcher word = ENCODED_WORD.matcher(value);
        int at = 0;
        String pendingCharset = null;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (word.find()) {
            String between = value.substring(at, word.start());
            boolean adjacent = pendingCharset != null && between.isBlank();
            String charset = word.group(1);
            if (!(adjacent && charset.equalsIgnoreCase(pendingCharset))) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                // Whitespace between two encoded words is not part of the text (RFC 2047, 6.2).
                if (!(adjacent && between.isBlank())) {
                    out.append(rawEightBit(between));
                }
            }
            byte[] bytes = wordBytes(word.group(2), word.group(3));
            if (bytes == null) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                out.append(word.group());
            } else {
                pending.writeBytes(bytes);
                pendingCharset = charset;
            }
            at = word.end();
        }
        flush(out, pending, pendingCharset);
        out.append(rawEightBit(value.substring(at)));
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (charset != null && pending.size() > 0) {
            out.append(new String(pending.toByteArray(), charset(charset)));
        }
        pending.reset();
    }

    private static byte[] wordBytes(String encoding, String text) {
        try {
            if (encoding.equalsIgnoreCase("B")) {
                // Some mailers drop the padding; the MIME decoder is lenient about it and about stray characters.
                return Base64.getMimeDecoder().decode(text);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '_') {
                    bytes.write(' ');
                } else if (c == '=' && i + 2 < text.length()) {
                    bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.write(c);
                }
            }
            return bytes.toByteArray();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /**
     * Header text outside encoded words arrives one char per byte. When it holds 8-bit bytes, they are re-read as
     * UTF-8 and then as GB18030, the two encodings seen unencoded in headers in practice.
     */
    private static String rawEightBit(String text) {
        boolean eightBit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return text;
            }
            eightBit |= c >= 0x80;
        }
        if (!eightBit) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        String decoded = strict(bytes, StandardCharsets.UTF_8);
        if (decoded == null) {
            decoded = strict(bytes, GB18030);
        }
        return decoded != null ? decoded : text;
    }
}
