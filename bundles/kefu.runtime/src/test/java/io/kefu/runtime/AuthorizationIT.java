package io.kefu.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every endpoint the runtime serves, as listed by its own OpenAPI description, called anonymously and with a role
 * it does not admit: all must refuse. New endpoints are covered the day they are added.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationIT {
    private static final List<String> ROLES = List.of("AGENT", "SUPERVISOR", "ANALYST", "ADMIN");

    Path home;
    KefuProcess kefu;
    record Endpoint(String verb, String path, Set<String> roles) {
    }
    List<Endpoint> endpoints = new ArrayList<>();
    Map<String, KefuProcess.Client> clientsByRole;

    @BeforeAll
    void start() throws Exception {
        home = KefuProcess.newHome("AuthorizationIT");
        kefu = KefuProcess.start(home, Map.of());
        KefuProcess.Client admin = kefu.admin();
        JsonNode paths = admin.get("/api/openapi.json").json().get("paths");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            Set<String> roles = new TreeSet<>();
            operation.getValue().get("x-kefu-roles").forEach(r -> roles.add(r.asText()));
            endpoints.add(new Endpoint(operation.getKey().toUpperCase(), path.getKey().replaceAll("\\{[^}]+}", "x"), roles));
        }));
        clientsByRole = new java.util.HashMap<>();
        for (String role : ROLES) {
            String name = "only-" + role.toLowerCase();
            var created = admin.post("/api/users", Map.of("username", name, "roles", List.of(role)));
            assertThat(created.status()).as("creating %s", name).isEqualTo(201);
            clientsByRole.put(role, kefu.login(name, created.json().get("generatedPassword").asText()));
        }
    }

    @AfterAll
    void stop() throws Exception {
        kefu.close();
    }

    @Test
    void theDescriptionListsTheRuntimesEndpoints() {
        assertThat(endpoints).extracting(Endpoint::path)
                .contains("/api/auth/login", "/api/users", "/api/audit", "/api/platform/bundles", "/api/workbench/views",
                        "/api/health", "/api/openapi.json");
        assertThat(endpoints).allSatisfy(e -> assertThat(e.roles()).doesNotContain("nobody"));
    }

    @Test
    void anonymousCallsAreRefusedExceptOnPublicEndpoints() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : endpoints) {
            var reply = kefu.anonymous().send(endpoint.verb(), endpoint.path(), bodyFor(endpoint));
            int status = reply.status();
            if (endpoint.roles().contains("public")) {
                // Public endpoints need no session; some prove the caller otherwise (a webhook's signature).
                softly.assertThat(reply.body()).as("%s %s (public)", endpoint.verb(), endpoint.path())
                        .doesNotContain("auth.required").doesNotContain("auth.forbidden");
            } else {
                softly.assertThat(status).as("%s %s anonymously", endpoint.verb(), endpoint.path()).isEqualTo(401);
            }
        }
        softly.assertAll();
    }

    @Test
    void eachRoleIsRefusedWhereItIsNotAdmitted() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        int refusals = 0;
        for (Endpoint endpoint : endpoints) {
            if (endpoint.roles().contains("public") || endpoint.roles().contains("authenticated")) {
                continue;
            }
            for (String role : ROLES) {
                int status = clientsByRole.get(role).status(endpoint.verb(), endpoint.path(), bodyFor(endpoint));
                if (endpoint.roles().contains(role)) {
                    softly.assertThat(status).as("%s %s as %s", endpoint.verb(), endpoint.path(), role).isNotIn(401, 403);
                } else {
                    refusals++;
                    softly.assertThat(status).as("%s %s as %s", endpoint.verb(), endpoint.path(), role).isEqualTo(403);
                }
            }
        }
        softly.assertAll();
        assertThat(refusals).as("role refusals checked").isGreaterThan(10);
    }

    /** A syntactically valid body for endpoints that take one, so that refusals are not mistaken for 400s. */
    private static String bodyFor(Endpoint endpoint) {
        return endpoint.verb().equals("GET") ? null : "{}";
    }
}
