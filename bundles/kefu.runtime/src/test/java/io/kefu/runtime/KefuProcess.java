package io.kefu.runtime;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The exported runtime ({@code target/kefu.jar}) started as a real process in its own Kefu home, the way an
 * operator starts it. Tests talk to it over HTTP only.
 */
final class KefuProcess implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path home;
    final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KefuProcess(Path home, int port, Process process) {
        this.home = home;
        this.port = port;
        this.process = process;
    }

    /**
     * A new, empty Kefu home under target/it-homes, kept after the run so that a failure can be read in its logs
     * ({@code mvn clean} removes them).
     */
    static Path newHome(String name) throws IOException {
        Path root = Path.of(System.getProperty("kefu.it.homes", "target/it-homes"));
        Files.createDirectories(root);
        return Files.createTempDirectory(root.toAbsolutePath(), name + "-");
    }

    /** Starts Kefu in {@code home} (conf files given by name) and waits until it is healthy. */
    static KefuProcess start(Path home, Map<String, String> confFiles) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        for (var file : confFiles.entrySet()) {
            Files.writeString(home.resolve("conf").resolve(file.getKey()), file.getValue());
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String jar = System.getProperty("kefu.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.osgi.service.http.port=" + port, "-jar", jar));
        Process process = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()))
                .start();
        KefuProcess kefu = new KefuProcess(home, port, process);
        kefu.awaitHealthy(Duration.ofSeconds(90));
        return kefu;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    private static final List<String> LATE_RESOURCES = List.of("/api/users", "/api/conversations", "/api/nlu/intents",
            "/api/knowledge/articles", "/api/workflow/processes", "/api/workflow/sops", "/api/tickets");

    private boolean protectedResourceIsUp(String path) {
        try {
            return anonymous().get(path).status() == 401;
        } catch (Exception e) {
            return false;
        }
    }

    void awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("Kefu exited with " + process.exitValue() + ":\n" + console());
            }
            try {
                // Health answers as soon as the REST application is up; the other bundles' resources join it a
                // moment later (each one rebuilds the application), so wait until the last ones to arrive answer
                // with the 401 of a real, protected resource instead of a 404.
                if (anonymous().get("/api/health").status() == 200
                        && LATE_RESOURCES.stream().allMatch(this::protectedResourceIsUp)) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        fail("Kefu did not become healthy within " + timeout + ":\n" + console());
    }

    String console() throws IOException {
        Path log = home.resolve("console.log");
        return Files.exists(log) ? Files.readString(log) : "(no console output)";
    }

    String log() throws IOException {
        Path log = home.resolve("logs/kefu.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** The first admin's generated password, as an operator reads it. */
    String initialAdminPassword() throws IOException {
        return Files.readAllLines(home.resolve("data/initial-admin-password")).stream()
                .filter(l -> l.startsWith("password: ")).findFirst().orElseThrow().substring("password: ".length());
    }

    Client anonymous() {
        return new Client(null);
    }

    Client login(String username, String password) throws Exception {
        Reply reply = anonymous().post("/api/auth/login", Map.of("username", username, "password", password, "bearer", true));
        if (reply.status() != 200) {
            fail("login as " + username + " failed: " + reply);
        }
        return new Client(reply.json().get("token").asText());
    }

    Client admin() throws Exception {
        return login("admin", initialAdminPassword());
    }

    /** Polls until the condition holds; fails with the message after the timeout. */
    static void eventually(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        fail("Timed out after " + timeout + " waiting for: " + what);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** An HTTP status with its body. */
    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** One HTTP exchange, for {@link Client#once}. */
    @FunctionalInterface
    interface Call<T> {
        HttpResponse<T> send() throws IOException, InterruptedException;
    }

    /** Calls the API anonymously or with a session cookie, as the workbench does. */
    final class Client {
        private final String token;

        Client(String token) {
            this.token = token;
        }

        String token() {
            return token;
        }

        Reply get(String path) throws IOException, InterruptedException {
            return send("GET", path, null);
        }

        Reply post(String path, Object body) throws IOException, InterruptedException {
            return send("POST", path, body instanceof String s ? s : JSON.writeValueAsString(body));
        }

        Reply put(String path, Object body) throws IOException, InterruptedException {
            return send("PUT", path, body instanceof String s ? s : JSON.writeValueAsString(body));
        }

        /**
         * Only the status: the answer's body is not waited for, so that endless answers (event streams) return
         * as soon as their headers arrive.
         */
        int status(String method, String path, String body) throws IOException, InterruptedException {
            HttpResponse<java.io.InputStream> response = once(() -> http.send(request(method, path, body).build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
            response.body().close();
            return response.statusCode();
        }

        Reply send(String method, String path, String body) throws IOException, InterruptedException {
            HttpResponse<String> response = once(() -> http.send(request(method, path, body).build(),
                    HttpResponse.BodyHandlers.ofString()));
            return new Reply(response.statusCode(), response.body(), response.headers());
        }

        /**
         * A server may refuse a request before reading its body (401 from the access filter) and then close the
         * connection; the JDK client only notices when it reuses that connection for the next request, which then
         * fails without an answer. Browsers and HTTP libraries retry such a request once on a new connection;
         * so does this client. Statuses are still checked by the callers.
         */
        private <T> HttpResponse<T> once(Call<T> call) throws IOException, InterruptedException {
            try {
                return call.send();
            } catch (IOException staleConnection) {
                return call.send();
            }
        }

        private HttpRequest.Builder request(String method, String path, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("X-Requested-With", "kefu")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Cookie", "kefu_session=" + token);
            }
            return request;
        }
    }
}
