package io.kefu.loaddriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Many web chat visitors at once: opens {@code connections} widget connections (each says hello and gets its
 * visitor id), then sends {@code messages} messages spread over them at {@code rate} per second, and measures the
 * time from sending each message to its ack (sent only after the message is stored).
 */
final class WebchatLoad {
    private WebchatLoad() {
    }

    static int run(Map<String, String> options) throws Exception {
        String url = options.getOrDefault("url", "http://127.0.0.1:8080").replaceFirst("^http", "ws") + "/ws/webchat";
        int connections = Integer.parseInt(options.getOrDefault("connections", "1000"));
        int messages = Integer.parseInt(options.getOrDefault("messages", "20000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        Recorder recorder = new Recorder(3);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        AtomicLong acked = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch welcomed = new CountDownLatch(connections);
        CountDownLatch done = new CountDownLatch(messages);

        WebSocket.Listener listener = new WebSocket.Listener() {
            private final Map<WebSocket, StringBuilder> partial = new ConcurrentHashMap<>();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                StringBuilder buffer = partial.computeIfAbsent(socket, s -> new StringBuilder());
                buffer.append(data);
                if (last) {
                    String frame = buffer.toString();
                    buffer.setLength(0);
                    if (frame.contains("\"type\":\"welcome\"")) {
                        welcomed.countDown();
                    } else if (frame.contains("\"type\":\"ack\"")) {
                        int start = frame.indexOf("\"clientId\":\"") + 12;
                        Long t0 = sentAt.remove(frame.substring(start, frame.indexOf('"', start)));
                        if (t0 != null) {
                            recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                            acked.incrementAndGet();
                            done.countDown();
                        }
                    } else if (frame.contains("\"type\":\"error\"")) {
                        errors.incrementAndGet();
                        done.countDown();
                    }
                }
                socket.request(1);
                return null;
            }
        };

        long openStart = System.nanoTime();
        List<WebSocket> sockets = new ArrayList<>();
        for (int batch = 0; batch < connections; batch += 200) {
            List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
            for (int i = batch; i < Math.min(connections, batch + 200); i++) {
                opening.add(http.newWebSocketBuilder().buildAsync(URI.create(url), listener));
            }
            for (CompletableFuture<WebSocket> future : opening) {
                WebSocket socket = future.get(60, TimeUnit.SECONDS);
                socket.sendText("{\"type\":\"hello\",\"visitorId\":null}", true);
                sockets.add(socket);
            }
        }
        if (!welcomed.await(120, TimeUnit.SECONDS)) {
            System.out.printf("only %d of %d connections were welcomed%n", connections - welcomed.getCount(), connections);
            return 1;
        }
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        System.out.printf("%d connections open and welcomed in %.1f s%n", connections, openSeconds);

        // Paced sending: every 10 ms, rate/100 messages, round robin over the connections.
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        AtomicLong sent = new AtomicLong();
        int perTick = Math.max(1, rate / 100);
        long sendStart = System.nanoTime();
        pacer.scheduleAtFixedRate(() -> {
            for (int i = 0; i < perTick; i++) {
                long n = sent.getAndIncrement();
                if (n >= messages) {
                    return;
                }
                WebSocket socket = sockets.get((int) (n % sockets.size()));
                String clientId = UUID.randomUUID().toString();
                sentAt.put(clientId, System.nanoTime());
                synchronized (socket) {
                    socket.sendText("{\"type\":\"message\",\"clientId\":\"" + clientId
                            + "\",\"text\":\"我的订单 A" + n + " 什么时候发货？\"}", true).join();
                }
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        boolean finished = done.await(Math.max(60, messages / Math.max(1, rate) * 3L), TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - sendStart) / 1e9;
        pacer.shutdownNow();
        Histogram latency = recorder.getIntervalHistogram();
        System.out.printf("sent %d messages at a target of %d/s over %d connections; acked %d, errors %d, %s%n",
                Math.min(sent.get(), messages), rate, connections, acked.get(), errors.get(),
                finished ? "all answered" : "NOT all answered");
        System.out.printf("ingested %.0f messages/s%n", acked.get() / seconds);
        System.out.printf("ack latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(90) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
        for (WebSocket socket : sockets) {
            socket.abort();
        }
        return finished && errors.get() == 0 ? 0 : 1;
    }
}
