package io.kefu.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.api.security.Role;
import io.kefu.api.security.Sessions;
import io.kefu.api.spi.WorkbenchView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * The workbench whiteboard end to end: a WorkbenchView service registered by any bundle (here the test bundle)
 * shows up in {@code GET /api/workbench/views} for a user whose role it names, and disappears with the service.
 */
@KefuItest
class WorkbenchViewsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A view as a vendor's plug-in would contribute it; its module is never loaded by this test. */
    private record ProbeView(String id, String title, String element, String resourceRoot, String module,
            Set<Role> roles) implements WorkbenchView {
    }

    @Test
    void aRegisteredViewIsListedForItsRoleUntilItIsUnregistered() throws Exception {
        String baseUrl = baseUrl();
        String token = loginAsAdmin(baseUrl);
        String id = "itest.probe";

        ServiceRegistration<WorkbenchView> registration = Osgi.context().registerService(WorkbenchView.class,
                new ProbeView(id, "集成测试", "itest-probe", "/itest-view", "probe.js", Set.of(Role.ADMIN)), null);
        try {
            AtomicReference<JsonNode> listed = new AtomicReference<>();
            Osgi.await(WAIT, "view " + id + " in GET /api/workbench/views", () -> {
                listed.set(find(views(baseUrl, token), id));
                return listed.get() != null;
            });
            assertEquals("集成测试", listed.get().get("title").asText());
            assertEquals("itest-probe", listed.get().get("element").asText());
            assertTrue(listed.get().get("moduleUrl").asText().endsWith("/" + id + "/probe.js"),
                    "module URL: " + listed.get().get("moduleUrl"));
        } finally {
            registration.unregister();
        }
        Osgi.await(WAIT, "view " + id + " to leave GET /api/workbench/views",
                () -> find(views(baseUrl, token), id) == null);
    }

    /** Where Felix HTTP listens: the run asks for a free port, which the HTTP runtime service then advertises. */
    private static String baseUrl() {
        AtomicReference<String> endpoint = new AtomicReference<>();
        Osgi.await(Osgi.STARTUP, "an HTTP runtime advertising osgi.http.endpoint", () -> {
            try {
                ServiceReference<?>[] runtimes = Osgi.context().getServiceReferences((String) null,
                        "(osgi.http.endpoint=*)");
                if (runtimes == null) {
                    return false;
                }
                Object value = runtimes[0].getProperty("osgi.http.endpoint");
                endpoint.set(value instanceof String[] all ? all[0]
                        : value instanceof Iterable<?> all ? String.valueOf(all.iterator().next()) : String.valueOf(value));
                return true;
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        URI uri = URI.create(endpoint.get());
        return "http://127.0.0.1:" + uri.getPort();
    }

    /**
     * Logs in as the first admin with the generated password, as an operator would. Getting the Sessions service
     * first makes sure kefu.security has activated on this run's database and written the password file. The
     * REST whiteboard adds Kefu's resources one by one as their components activate, so answers that mean "not
     * served yet" are retried: no connection, 404, 503, or 405 from the workbench shell's servlet at / while
     * /api/auth/login is not registered. A refused login is not retried, since failed logins are throttled.
     */
    private String loginAsAdmin(String baseUrl) throws IOException {
        Osgi.service(Sessions.class);
        Path file = Path.of("data", "initial-admin-password");
        Osgi.await(Osgi.STARTUP, "the first admin's password in " + file.toAbsolutePath(), () -> Files.exists(file));
        String password = Files.readAllLines(file).stream().filter(l -> l.startsWith("password: ")).findFirst()
                .orElseThrow(() -> new AssertionFailedError("no 'password: ' line in " + file))
                .substring("password: ".length());
        String body = JSON.writeValueAsString(Map.of("username", "admin", "password", password, "bearer", true));

        HttpResponse<String> response = awaitServed("POST /api/auth/login", () -> send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/api/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
        assertEquals(200, response.statusCode(), "login as admin: " + response.body());
        JsonNode me = JSON.readTree(response.body());
        assertNotNull(me.get("token"), "login answer without a bearer token: " + me);
        return me.get("token").asText();
    }

    private JsonNode views(String baseUrl, String token) {
        HttpResponse<String> response = awaitServed("GET /api/workbench/views", () -> send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/api/workbench/views")).header("Authorization", "Bearer " + token).GET()));
        assertEquals(200, response.statusCode(), "GET /api/workbench/views: " + response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionFailedError("not JSON: " + response.body(), e);
        }
    }

    private static HttpResponse<String> awaitServed(String what, Supplier<HttpResponse<String>> call) {
        AtomicReference<HttpResponse<String>> response = new AtomicReference<>();
        Osgi.await(Osgi.STARTUP, what + " to be served", () -> {
            response.set(call.get());
            return response.get() != null && !Set.of(404, 405, 503).contains(response.get().statusCode());
        });
        return response.get();
    }

    private static JsonNode find(JsonNode views, String id) {
        for (JsonNode view : views) {
            if (id.equals(view.path("id").asText())) {
                return view;
            }
        }
        return null;
    }

    /** The answer, or null while the server does not accept connections yet. */
    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted", e);
        }
    }
}
