package io.kefu.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.api.security.Sessions;
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
import org.opentest4j.AssertionFailedError;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.FailedApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.FailedExtensionDTO;
import org.osgi.service.jakartars.runtime.dto.FailedResourceDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;

/**
 * Kefu's REST API as the tests call it over HTTP: where Felix HTTP listens, the first admin's bearer token, and
 * JSON requests. The REST whiteboard adds Kefu's resources one by one as their components activate (and again after
 * the MariaDB run moved the store), so a test's first call to a resource goes through {@link #awaitServed}.
 */
final class KefuHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Answers that mean "not served yet": no connection, 404, 503, or 405 from the workbench shell's servlet at /
     * while the resource is not registered.
     */
    private static final Set<Integer> NOT_SERVED = Set.of(404, 405, 503);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static volatile String baseUrl;
    private static volatile String adminToken;

    private KefuHttp() {
    }

    /** An HTTP answer: its status and its body. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionFailedError("not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    /** Where Felix HTTP listens: the run asks for a free port, which the HTTP runtime service then advertises. */
    static String baseUrl() {
        String known = baseUrl;
        if (known != null) {
            return known;
        }
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
        baseUrl = "http://127.0.0.1:" + URI.create(endpoint.get()).getPort();
        return baseUrl;
    }

    /**
     * The bearer token of the first admin, logged in once per run with the generated password, as an operator
     * would. Getting the Sessions service first makes sure kefu.security has activated on this run's database and
     * written the password file. A refused login fails at once (failed logins are throttled).
     */
    static synchronized String adminToken() {
        if (adminToken != null) {
            return adminToken;
        }
        Osgi.service(Sessions.class);
        Path file = Path.of("data", "initial-admin-password");
        Osgi.await(Osgi.STARTUP, "the first admin's password in " + file.toAbsolutePath(), () -> Files.exists(file));
        String password;
        try {
            password = Files.readAllLines(file).stream().filter(l -> l.startsWith("password: ")).findFirst()
                    .orElseThrow(() -> new AssertionFailedError("no 'password: ' line in " + file))
                    .substring("password: ".length());
        } catch (IOException e) {
            throw new AssertionFailedError("cannot read " + file, e);
        }
        Answer answer = awaitServed("POST /api/auth/login", () -> post("/api/auth/login", null,
                Map.of("username", "admin", "password", password, "bearer", true)));
        assertEquals(200, answer.status(), "login as admin: " + answer.body());
        JsonNode token = answer.json().get("token");
        if (token == null || !token.isTextual()) {
            throw new AssertionFailedError("login answer without a bearer token: " + answer.body());
        }
        adminToken = token.asText();
        return adminToken;
    }

    /** GET {@code path} (from the server root, /api/...); null while the server takes no connections. */
    static Answer get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** POST {@code body} as JSON; null while the server takes no connections. */
    static Answer post(String path, String token, Object body) {
        try {
            return send(request(path, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new AssertionFailedError("cannot write " + body + " as JSON", e);
        }
    }

    /** Repeats {@code call} until the resource it reaches is served, and returns the first real answer. */
    static Answer awaitServed(String what, Supplier<Answer> call) {
        return awaitServed(what, call, () -> "");
    }

    /**
     * {@link #awaitServed(String, Supplier)}, saying on failure what {@code context} tells (the state of the
     * component that provides the resource, say) beside the last answer and the whiteboard's failed resources.
     */
    static Answer awaitServed(String what, Supplier<Answer> call, Supplier<String> context) {
        AtomicReference<Answer> answer = new AtomicReference<>();
        try {
            Osgi.await(Osgi.STARTUP, what + " to be served", () -> {
                answer.set(call.get());
                return answer.get() != null && !NOT_SERVED.contains(answer.get().status());
            });
        } catch (AssertionFailedError e) {
            throw new AssertionFailedError(e.getMessage() + "; last answer: " + answer.get() + "; "
                    + whiteboardFailures() + "; " + context.get(), e);
        }
        return answer.get();
    }

    /** The resources, applications and extensions the Jakarta REST whiteboard could not use, and why. */
    static String whiteboardFailures() {
        ServiceReference<JakartarsServiceRuntime> reference = Osgi.context()
                .getServiceReference(JakartarsServiceRuntime.class);
        JakartarsServiceRuntime runtime = reference == null ? null : Osgi.context().getService(reference);
        if (runtime == null) {
            return "no Jakarta REST whiteboard";
        }
        try {
            RuntimeDTO dto = runtime.getRuntimeDTO();
            StringBuilder failures = new StringBuilder("whiteboard failures (reason codes of DTOConstants):");
            for (FailedResourceDTO failed : dto.failedResourceDTOs) {
                failures.append(" resource ").append(failed.name).append(" (service ").append(failed.serviceId)
                        .append("): ").append(failed.failureReason);
            }
            for (FailedApplicationDTO failed : dto.failedApplicationDTOs) {
                failures.append(" application ").append(failed.name).append(": ").append(failed.failureReason);
            }
            for (FailedExtensionDTO failed : dto.failedExtensionDTOs) {
                failures.append(" extension ").append(failed.name).append(": ").append(failed.failureReason);
            }
            return failures.toString();
        } finally {
            Osgi.context().ungetService(reference);
        }
    }

    private static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(20));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted", e);
        }
    }
}
