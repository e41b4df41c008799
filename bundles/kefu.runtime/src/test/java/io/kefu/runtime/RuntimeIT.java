package io.kefu.runtime;

import static io.kefu.runtime.KefuProcess.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The runtime as an operator and a client meet it: first start, login, errors, live configuration. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuntimeIT {
    Path home;
    KefuProcess kefu;

    @BeforeAll
    void start() throws Exception {
        home = KefuProcess.newHome("RuntimeIT");
        kefu = KefuProcess.start(home, Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        kefu.close();
    }

    @Test
    void firstStartLaysOutTheHomeAndAnOwnerOnlyAdminPassword() throws Exception {
        for (String folder : List.of("conf", "data", "logs", "plugins")) {
            assertThat(home.resolve(folder)).isDirectory();
        }
        Path secret = home.resolve("data/initial-admin-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(kefu.log()).contains("Created the first admin user 'admin'").doesNotContain(kefu.initialAdminPassword());
        assertThat(kefu.console()).doesNotContain(kefu.initialAdminPassword());
    }

    @Test
    void healthIsPublicAndReportsTheDatabase() throws Exception {
        var health = kefu.anonymous().get("/api/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("checks").get("database").asText()).isEqualTo("UP");
    }

    @Test
    void theAdminLogsInAndMustChangeTheGeneratedPassword() throws Exception {
        var login = kefu.anonymous().post("/api/auth/login",
                Map.of("username", "admin", "password", kefu.initialAdminPassword()));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("mustChangePassword").asBoolean()).isTrue();
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("kefu_session=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        var me = kefu.admin().get("/api/auth/me");
        assertThat(me.json().get("user").get("roles").get(0).asText()).isEqualTo("ADMIN");
    }

    @Test
    void wrongUsernameAndWrongPasswordGetTheSame401() throws Exception {
        var wrongPassword = kefu.anonymous().post("/api/auth/login", Map.of("username", "admin", "password", "nope-nope-nope"));
        var wrongUser = kefu.anonymous().post("/api/auth/login", Map.of("username", "nobody", "password", "nope-nope-nope"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongUser.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(wrongUser.body());
    }

    @Test
    void badRequestsGetClearErrorsAndNeverAStackTrace() throws Exception {
        var admin = kefu.admin();
        List<KefuProcess.Reply> replies = List.of(
                admin.post("/api/users", "{\"username\": \"x\",,"),
                admin.post("/api/users", Map.of("username", "wang", "rolez", List.of("AGENT"))),
                admin.post("/api/users", Map.of("username", "wang", "roles", List.of("KING"))),
                admin.get("/api/users?limit=abc"),
                admin.get("/api/users?limit=100000"),
                admin.get("/api/no-such-thing"),
                admin.put("/api/users/no-such-id", Map.of("displayName", "x", "roles", List.of("AGENT"), "enabled", true)));
        assertThat(replies).extracting(KefuProcess.Reply::status).containsExactly(400, 400, 400, 404, 400, 404, 404);
        for (var reply : replies) {
            JsonNode body = reply.json();
            assertThat(body.get("code").asText()).isNotBlank();
            assertThat(body.get("message").asText()).isNotBlank();
            assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("at org.");
        }
        assertThat(replies.get(1).json().get("message").asText()).contains("rolez");
    }

    @Test
    void changesWithoutTheCsrfHeaderAreRefused() throws Exception {
        var admin = kefu.admin();
        var reply = admin.send("POST", "/api/users", "{}");
        assertThat(reply.status()).isEqualTo(400); // with the header: validation answers
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + kefu.port + "/api/users"))
                .header("Cookie", "kefu_session=" + admin.token()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        var withoutHeader = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(withoutHeader.statusCode()).isEqualTo(403);
        assertThat(withoutHeader.body()).contains("auth.csrf");
    }

    @Test
    void configurationEditsApplyLiveAndABadEditKeepsTheLastGoodSettings() throws Exception {
        var admin = kefu.admin();
        var created = admin.post("/api/users", Map.of("username", "zhao", "displayName", "赵", "roles", List.of("AGENT")));
        assertThat(created.status()).isEqualTo(201);
        String password = created.json().get("generatedPassword").asText();

        Path conf = home.resolve("conf/kefu.security.cfg");
        Files.writeString(conf, "maxFailedLogins=2\nfailureWindowMinutes=10\n");
        eventually(Duration.ofSeconds(15), "security settings applied", () -> logContains("2 failed logins per 10 min"));
        kefu.anonymous().post("/api/auth/login", Map.of("username", "zhao", "password", "wrong-1-wrong"));
        kefu.anonymous().post("/api/auth/login", Map.of("username", "zhao", "password", "wrong-2-wrong"));
        var throttled = kefu.anonymous().post("/api/auth/login", Map.of("username", "zhao", "password", password));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();

        Files.writeString(conf, "maxFailedLogins=2\nfailureWindowMinutes=10\nbcryptCost=99\n");
        eventually(Duration.ofSeconds(15), "bad configuration reported",
                () -> logContains("Ignoring the new kefu.security configuration") && logContains("bcryptCost"));
        assertThat(kefu.anonymous().post("/api/auth/login", Map.of("username", "zhao", "password", password)).status())
                .as("the last good settings (2 failures) still throttle").isEqualTo(429);

        Files.writeString(conf, "maxFailedLogins=two\nfailureWindowMinutes=10\n");
        eventually(Duration.ofSeconds(15), "unreadable value reported", () -> logContains("maxFailedLogins must be a whole number"));
        assertThat(kefu.anonymous().post("/api/auth/login", Map.of("username", "zhao", "password", password)).status())
                .as("still the last good settings").isEqualTo(429);
        assertThat(kefu.anonymous().get("/api/health").status()).isEqualTo(200);
    }

    private boolean logContains(String text) {
        try {
            return kefu.log().contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
