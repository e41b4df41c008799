package io.kefu.channel.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Decoding of headers, charsets, HTML and quoted replies, without a server. */
class MailTextTest {
    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void declaredCharsetsAreWidenedToWhatMailersActuallySend() {
        assertThat(MailText.charset("gb2312").name()).isEqualTo("GB18030");
        assertThat(MailText.charset("\"GBK\"").name()).isEqualTo("GB18030");
        assertThat(MailText.charset("big5").name()).isEqualTo("Big5-HKSCS");
        assertThat(MailText.charset("iso-8859-1").name()).isEqualTo("windows-1252");
        assertThat(MailText.charset("x-unknown-charset")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(MailText.charset(null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void textWithoutACharsetIsReadAsUtf8ThenGb18030() {
        assertThat(MailText.decode("退款".getBytes(StandardCharsets.UTF_8), null)).isEqualTo("退款");
        assertThat(MailText.decode("退款".getBytes(Charset.forName("GBK")), null)).isEqualTo("退款");
        assertThat(MailText.decode("caf\u00e9 ok".getBytes(StandardCharsets.ISO_8859_1), "")).isEqualTo("café ok");
    }

    @Test
    void encodedWordsAreDecodedAndACharacterSplitAcrossTwoWordsSurvives() {
        byte[] gbk = "订单".getBytes(Charset.forName("GBK"));
        // The first word ends in the middle of 单; decoding word by word would garble it.
        String split = "=?GB2312?B?" + b64(Arrays.copyOf(gbk, 3)) + "?= =?GB2312?B?"
                + b64(Arrays.copyOfRange(gbk, 3, 4)) + "?=";
        assertThat(MailText.header("Re: " + split + " 1234")).isEqualTo("Re: 订单 1234");
        assertThat(MailText.header("=?utf-8?Q?Caf=C3=A9_au_lait?=")).isEqualTo("Café au lait");
        assertThat(MailText.header("=?UTF-8?B?5L2g?=\r\n =?UTF-8?B?5aW9?=")).isEqualTo("你好");
        assertThat(MailText.header("=?broken?X?abc?= plain")).isEqualTo("=?broken?X?abc?= plain");
    }

    @Test
    void aDecodedHeaderIsOneLineSoItCannotInjectHeadersIntoAReply() {
        String encoded = "=?UTF-8?B?" + b64("Hi\r\nBcc: victim@example.com".getBytes(StandardCharsets.UTF_8)) + "?=";
        assertThat(MailText.header(encoded)).isEqualTo("Hi Bcc: victim@example.com");
    }

    @Test
    void rawEightBitHeadersAreReadAsUtf8OrGb18030() {
        String utf8 = new String("你好 world".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String gbk = new String("你好 world".getBytes(Charset.forName("GBK")), StandardCharsets.ISO_8859_1);
        assertThat(MailText.header(utf8)).isEqualTo("你好 world");
        assertThat(MailText.header(gbk)).isEqualTo("你好 world");
    }

    @Test
    void htmlKeepsStructureAndDropsEverythingThatCouldRun() {
        assertThat(HtmlText.toText("<div>one</div><div>two<br/>three</div>")).isEqualTo("one\ntwo\nthree");
        assertThat(HtmlText.toText("<p>a</p>\n\n\n<p>b</p>")).isEqualTo("a\n\nb");
        assertThat(HtmlText.toText("<blockquote><p>quoted</p></blockquote><p>new</p>")).isEqualTo("> quoted\n\nnew");
        assertThat(HtmlText.toText("<pre>  x = 1\n  y = 2</pre>")).isEqualTo("  x = 1\n  y = 2");
        assertThat(HtmlText.toText("<SCRIPT>var a = '</scr' + 'ipt>';</SCRIPT>after")).doesNotContain("var a");
        assertThat(HtmlText.toText("<style>p{}</style><p title='a>b'>text</p>")).isEqualTo("text");
        assertThat(HtmlText.toText("x &lt;script&gt; &#x4F60;&#22909; &unknown; &amp")).isEqualTo("x <script> 你好 &unknown; &amp");
        assertThat(HtmlText.toText("<script>never closed")).isEmpty();
        assertThat(HtmlText.toText("<table><tr><td>Order</td><td>1234</td></tr><tr><td>Total</td><td>¥99</td></tr></table>"))
                .isEqualTo("Order 1234\nTotal ¥99");
        assertThat(HtmlText.toText("a < b and c > d")).isEqualTo("a < b and c > d");
    }

    @Test
    void hugeHostileHtmlIsHandledInLinearTime() {
        String hostile = "<a ".repeat(20_000) + "<script>".repeat(5_000) + "<!--".repeat(5_000);
        long start = System.nanoTime();
        HtmlText.toText(hostile);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void onlyClearlyQuotedPreviousMailIsStrippedFromReplies() {
        assertThat(QuotedReply.strip("Thanks!\n\nOn Mon, 1 Jan 2026, Support wrote:\n> old\n> text"))
                .isEqualTo("Thanks!");
        assertThat(QuotedReply.strip("好的\n\n在 2026年11月21日 周六 10:00，客服 写道：\n> 您好"))
                .isEqualTo("好的");
        assertThat(QuotedReply.strip("收到\n\n------------------ 原始邮件 ------------------\n发件人: 客服\n旧内容"))
                .isEqualTo("收到");
        assertThat(QuotedReply.strip("Ok\n\n-----Original Message-----\nFrom: x")).isEqualTo("Ok");
        assertThat(QuotedReply.strip("Ok\n________________________________\nFrom: Support\nSent: today")).isEqualTo("Ok");
        // Answers between quotes are the customer's words: kept.
        String interleaved = "On Mon, Support wrote:\n> Which colour?\nRed\n> Which size?\nL";
        assertThat(QuotedReply.strip(interleaved)).isEqualTo(interleaved);
        // Nothing would remain: keep everything.
        String onlyQuote = "-----Original Message-----\nFrom: x\nhello";
        assertThat(QuotedReply.strip(onlyQuote)).isEqualTo(onlyQuote);
        // A signature underline without a quoted header is not a quote.
        assertThat(QuotedReply.strip("Text\n__________\nLi Lei, Sales")).isEqualTo("Text\n__________\nLi Lei, Sales");
    }

    @Test
    void oddlyEncodedAndSignedMailIsStillRead() throws Exception {
        MailReader reader = new MailReader(BundleLoader.session(new Properties()), 20_000);
        byte[] gbkBody = "没有声明字符集".getBytes(Charset.forName("GBK"));
        byte[] head = ("From: a@example.com\r\nMessage-ID: <odd@example.com>\r\nIn-Reply-To: <x@y>\r\n"
                + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=s\r\n\r\n"
                + "--s\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: x-unknown\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--s\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\n\r\nMIIB\r\n--s--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] raw = new byte[head.length + gbkBody.length + tail.length];
        System.arraycopy(head, 0, raw, 0, head.length);
        System.arraycopy(gbkBody, 0, raw, head.length, gbkBody.length);
        System.arraycopy(tail, 0, raw, head.length + gbkBody.length, tail.length);

        ReceivedMail mail = reader.read(raw);

        assertThat(mail.body()).isEqualTo("没有声明字符集");
        assertThat(mail.attachments()).as("the signature is not an attachment").isEmpty();
        assertThat(mail.threadHint()).isEqualTo("<x@y>");
        assertThat(mail.automated()).isFalse();
    }

    @Test
    void messageIdsAreKeptAsWrittenAndBoundedInLength() throws Exception {
        assertThat(MailReader.messageId(" <a.b@c> ", () -> "x")).isEqualTo("<a.b@c>");
        assertThat(MailReader.messageId("a.b@c", () -> "x")).isEqualTo("<a.b@c>");
        assertThat(MailReader.messageId("", () -> "fallback")).isEqualTo("fallback");
        String longId = "<" + "x".repeat(300) + "@example.com>";
        assertThat(MailReader.messageId(longId, () -> "x")).matches("<[0-9a-f]{64}@kefu\\.long-id>")
                .isEqualTo(MailReader.bounded(longId));
        assertThat(MailReader.ids("<a@b> (comment) <c@d>\r\n <e@f>")).containsExactly("<a@b>", "<c@d>", "<e@f>");
    }
}
