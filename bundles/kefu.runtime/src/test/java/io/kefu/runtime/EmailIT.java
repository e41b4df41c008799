package io.kefu.runtime;

import static io.kefu.runtime.KefuProcess.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Email end to end through the real runtime and a real mail server (GreenMail, SMTP and IMAP on loopback): a
 * customer's mail becomes a conversation, the agent's reply arrives in the customer's mailbox threaded to the
 * original, and the customer's answer to it lands in the same conversation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailIT {
    Path home;
    KefuProcess kefu;
    GreenMail mail;

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @BeforeAll
    void start() throws Exception {
        ServerSetup smtp = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        mail = new GreenMail(new ServerSetup[] {smtp, imap});
        mail.start();
        mail.setUser("support@example.com", "support@example.com", "mailbox-secret");
        mail.setUser("wang@example.com", "wang@example.com", "customer-secret");
        home = KefuProcess.newHome("EmailIT");
        kefu = KefuProcess.start(home, Map.of("kefu.channel.email-support.cfg", String.join("\n",
                "name=support", "address=support@example.com", "displayName=Example Support",
                "imapHost=127.0.0.1", "imapPort=" + imap.getPort(), "imapSsl=false",
                "imapUser=support@example.com", "imapPassword=mailbox-secret", "pollIntervalSeconds=1",
                "smtpHost=127.0.0.1", "smtpPort=" + smtp.getPort(), "smtpStarttls=false", "smtpSsl=false",
                "smtpAuth=false", "") ));
    }

    @AfterAll
    void stop() throws Exception {
        kefu.close();
        mail.stop();
    }

    private MimeMessage customerMail(String subject, String text, String inReplyTo) throws Exception {
        MimeMessage message = new MimeMessage(mail.getSmtp().createSession());
        message.setFrom(new InternetAddress("wang@example.com", "王先生", "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("support@example.com"));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", inReplyTo);
            message.setHeader("References", inReplyTo);
        }
        return message;
    }

    @Test
    void aMailBecomesAConversationAndTheRepliesThread() throws Exception {
        GreenMailUtil.sendMimeMessage(customerMail("发票问题", "我需要重新开具发票，订单 A123。", null));
        var admin = kefu.admin();
        var created = admin.post("/api/users", Map.of("username", "agent.mail", "roles", List.of("AGENT")));
        var agent = kefu.login("agent.mail", created.json().get("generatedPassword").asText());

        eventually(Duration.ofSeconds(30), "the mail is in the inbox", () -> inboxHas(agent, "email"));
        JsonNode entry = agent.get("/api/conversations?view=all&channel=email").json().get("items").get(0);
        String conversationId = entry.get("id").asText();
        assertThat(entry.get("subject").asText()).contains("发票问题");

        assertThat(agent.post("/api/conversations/" + conversationId + "/messages",
                Map.of("body", "好的，已为您重新开具。")).status()).isEqualTo(201);
        eventually(Duration.ofSeconds(30), "the reply reaches the customer's mailbox",
                () -> mail.getReceivedMessagesForDomain("example.com").length >= 2);
        MimeMessage reply = null;
        for (MimeMessage m : mail.getReceivedMessagesForDomain("example.com")) {
            if (m.getAllRecipients()[0].toString().contains("wang@example.com")) {
                reply = m;
            }
        }
        assertThat(reply).isNotNull();
        assertThat(reply.getSubject()).contains("发票问题");
        assertThat(reply.getHeader("In-Reply-To")).isNotNull();
        assertThat(GreenMailUtil.getBody(reply)).isNotEmpty();

        GreenMailUtil.sendMimeMessage(customerMail("Re: 发票问题", "收到，谢谢！", reply.getMessageID()));
        eventually(Duration.ofSeconds(30), "the answer lands in the same conversation", () -> {
            try {
                return agent.get("/api/conversations/" + conversationId + "/messages").json().get("items")
                        .findValuesAsText("body").stream().anyMatch(b -> b.contains("收到，谢谢"));
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(kefu.anonymous().get("/api/health").json().get("checks").get("email.support").asText()).isEqualTo("UP");
    }

    private static boolean inboxHas(KefuProcess.Client agent, String channel) {
        try {
            return agent.get("/api/conversations?view=all&channel=" + channel).json().get("total").asInt() > 0;
        } catch (Exception e) {
            return false;
        }
    }
}
