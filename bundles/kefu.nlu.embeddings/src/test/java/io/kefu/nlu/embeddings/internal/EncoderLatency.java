package io.kefu.nlu.embeddings.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures each encoder outside OSGi: load time, memory (Java heap after a full GC, and process memory, which holds
 * the ONNX session and the tokenizer), and per-message latency on one thread (p50/p99 over short customer messages
 * after a warm-up), plus a 100 KB message. A measurement to read, not a test: {@code mvn -q -pl
 * bundles/kefu.nlu.embeddings exec:java} after a build of the module, optionally {@code -Dexec.args=<rounds>}.
 */
public final class EncoderLatency {
    private static final List<String> ENGLISH = List.of("I want my money back", "how do I get a refund",
            "where is my parcel? it was supposed to arrive on Monday", "Please cancel order 20931",
            "Can I talk to a real person", "the app keeps crashing when I log in, I'm on Android 14",
            "do you ship to Canada", "I was charged twice for the same order", "change my delivery address please",
            "thanks, that fixed it!");
    private static final List<String> CHINESE = List.of("我要退款", "怎么申请退钱", "我的快递三天了还没到，帮我查一下物流",
            "订单号 20931 帮我取消", "转人工", "登录的时候应用一直闪退", "可以开发票吗", "同一个订单被扣了两次钱",
            "帮我改一下收货地址", "好的谢谢，问题解决了");

    private EncoderLatency() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path folder = Path.of("target", "nlu-embeddings-native").toAbsolutePath();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.out.printf(Locale.ROOT, "%d processors, Java %s, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
        for (EncoderModel model : EncoderModel.values()) {
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            long rssBefore = ProcessMemory.residentBytes();
            long start = System.nanoTime();
            OnnxSentenceEncoder encoder = NativeFolders.loading(folder, () -> OnnxSentenceEncoder.load(model));
            long loadMillis = (System.nanoTime() - start) / 1_000_000;
            System.gc();
            long heapAfter = memory.getHeapMemoryUsage().getUsed();
            long rssAfter = ProcessMemory.residentBytes();

            List<String> messages = model == EncoderModel.ENGLISH ? ENGLISH : CHINESE;
            for (int i = 0; i < 20; i++) {
                messages.forEach(encoder::encode);
            }
            long[] nanos = new long[rounds * messages.size()];
            int n = 0;
            for (int round = 0; round < rounds; round++) {
                for (String message : messages) {
                    long t = System.nanoTime();
                    encoder.encode(message);
                    nanos[n++] = System.nanoTime() - t;
                }
            }
            Arrays.sort(nanos);
            String huge = (messages.get(2) + " ").repeat(100_000 / (messages.get(2).length() + 1) + 1);
            long[] hugeNanos = new long[5];
            for (int i = 0; i < hugeNanos.length; i++) {
                long t = System.nanoTime();
                encoder.encode(huge);
                hugeNanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(hugeNanos);
            System.out.printf(Locale.ROOT, "%s: load %d ms, heap %+.1f MB, process memory %+d MB; %d messages:"
                    + " p50 %.1f ms, p99 %.1f ms, max %.1f ms; a %d KB message (cut to %d characters): median %.1f ms%n",
                    model.modelName(), loadMillis, (heapAfter - heapBefore) / 1048576.0,
                    (rssAfter - rssBefore) >> 20, nanos.length, nanos[nanos.length / 2] / 1e6,
                    nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6, huge.length() / 1000,
                    model.maxChars(), hugeNanos[hugeNanos.length / 2] / 1e6);
        }
    }
}
