package io.kefu.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.testing.ScratchDatabase;
import io.kefu.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole runtime on each database: data written through the REST API survives a restart, and the second start
 * neither re-runs migrations nor creates a second admin.
 */
class RestartIT {
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dataSurvivesARestart(TestDatabase database) throws Exception {
        Path home = KefuProcess.newHome("RestartIT-" + database);
        try (ScratchDatabase scratch = database.create()) {
            Map<String, String> conf = database == TestDatabase.H2 ? Map.of() : Map.of("kefu.store.cfg",
                    "url=" + scratch.url() + "\nuser=" + scratch.user() + "\n.password=" + scratch.password() + "\n");
            String adminPassword;
            try (KefuProcess kefu = KefuProcess.start(home, conf)) {
                adminPassword = kefu.initialAdminPassword();
                assertThat(kefu.log()).contains(database == TestDatabase.H2 ? "Database ready: H2" : "Database ready: MySQL");
                var created = kefu.admin().post("/api/users",
                        Map.of("username", "li.na", "displayName", "李娜", "roles", List.of("AGENT", "SUPERVISOR")));
                assertThat(created.status()).isEqualTo(201);
            }
            try (KefuProcess again = KefuProcess.start(home, conf)) {
                var users = again.login("admin", adminPassword).get("/api/users").json();
                assertThat(users.get("total").asInt()).isEqualTo(2);
                assertThat(users.get("items").findValuesAsText("displayName")).contains("李娜");
                assertThat(Files.readString(home.resolve("logs/kefu.log")).split("Created the first admin user", -1))
                        .hasSize(2);
            }
        }
    }
}
