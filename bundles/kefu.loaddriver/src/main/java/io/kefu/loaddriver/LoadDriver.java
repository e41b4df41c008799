package io.kefu.loaddriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Plays many customers of a messaging app writing to Kefu through the webhook channel, and measures what a channel
 * cares about: how many messages per second are stored, and how long each waits for its acknowledgement (the 202,
 * sent only after the message is committed). Every request is signed like a real app's.
 *
 * <pre>
 * java -jar kefu-loaddriver.jar --url http://127.0.0.1:8080 --app load --secret ... \
 *      --customers 500 --messages 20 --concurrency 64 --warmup 200
 * java -jar kefu-loaddriver.jar --mode webchat --url http://127.0.0.1:8080 --connections 10000 --messages 20000 --rate 1000
 * </pre>
 */
public final class LoadDriver {
    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if ("webchat".equals(options.get("mode"))) {
            System.exit(WebchatLoad.run(options));
        }
        String url = options.getOrDefault("url", "http://127.0.0.1:8080");
        String app = options.getOrDefault("app", "load");
        String secret = required(options, "secret");
        int customers = Integer.parseInt(options.getOrDefault("customers", "500"));
        int messages = Integer.parseInt(options.getOrDefault("messages", "20"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "200"));
        String run = options.getOrDefault("run", Long.toString(System.currentTimeMillis(), 36));

        Sender sender = new Sender(URI.create(url + "/api/webhook/" + app + "/messages"), secret, run);
        System.out.printf("Warm-up: %d messages%n", warmup);
        for (int i = 0; i < warmup; i++) {
            sender.send("warmup-" + (i % 10), "warmup " + i, "w" + i);
        }

        Recorder recorder = new Recorder(3);
        AtomicLong failures = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> work = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < customers; c++) {
            int customer = c;
            work.add(pool.submit(() -> {
                for (int m = 0; m < messages; m++) {
                    long t0 = System.nanoTime();
                    try {
                        Sender.Result result = sender.send("u" + customer, "我的订单 A" + customer + " 还没发货，第 " + m + " 次询问",
                                customer + "-" + m);
                        recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                        if (result.status() != 202) {
                            failures.incrementAndGet();
                        } else if (result.duplicate()) {
                            duplicates.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Histogram latency = recorder.getIntervalHistogram();
        long total = (long) customers * messages;
        System.out.printf("messages %d (customers %d x %d), concurrency %d, %.2f s%n", total, customers, messages,
                concurrency, seconds);
        System.out.printf("ingested %.0f messages/s; failures %d; unexpected duplicates %d%n", total / seconds,
                failures.get(), duplicates.get());
        System.out.printf("ack latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(90) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
        if (failures.get() > 0 || duplicates.get() > 0) {
            System.exit(1);
        }
    }

    /** Signs and posts one message the way a connected app does. */
    static final class Sender {
        record Result(int status, boolean duplicate) {
        }

        private final URI endpoint;
        private final SecretKeySpec key;
        private final String run;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        Sender(URI endpoint, String secret, String run) {
            this.endpoint = endpoint;
            this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            this.run = run;
        }

        Result send(String user, String text, String key) throws Exception {
            byte[] body = ("{\"userId\":\"" + run + "-" + user + "\",\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
            String timestamp = Long.toString(System.currentTimeMillis() / 1000);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(this.key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Idempotency-Key", run + "-" + key)
                    .header("X-Kefu-Timestamp", timestamp).header("X-Kefu-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), response.body().contains("\"duplicate\":true"));
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
