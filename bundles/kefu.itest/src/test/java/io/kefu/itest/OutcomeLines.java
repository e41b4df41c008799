package io.kefu.itest;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One console line per test and a count per run. bnd's tester prints only failures (its own summary never reaches
 * the console), and Maven shows no Surefire table for this module, so without these lines a green build would not
 * say what ran. Full results are also in target/test-reports/&lt;bndrun&gt;/TEST-*.xml.
 */
final class OutcomeLines implements BeforeTestExecutionCallback, TestWatcher {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OutcomeLines.class);

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        context.getStore(NAMESPACE).put("start", System.nanoTime());
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        report(context, "PASSED", null);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        report(context, "FAILED", cause);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        report(context, "SKIPPED", cause);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        report(context, "DISABLED", null);
    }

    private static void report(ExtensionContext context, String outcome, Throwable cause) {
        Long start = context.getStore(NAMESPACE).get("start", Long.class);
        String time = start == null ? "" : " (" + (System.nanoTime() - start) / 1_000_000 + " ms)";
        String why = cause == null ? "" : ": " + cause;
        System.out.printf("[kefu.itest %s] %s %s.%s%s%s%n", KefuDatabase.DATABASE, outcome,
                context.getRequiredTestClass().getSimpleName(), context.getRequiredTestMethod().getName(), time, why);
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Tally.class, k -> new Tally(), Tally.class)
                .add(outcome);
    }

    /** Counts outcomes for the whole run and prints them when JUnit closes the root context at its end. */
    private static final class Tally implements ExtensionContext.Store.CloseableResource {
        private final Map<String, Integer> counts = new TreeMap<>();

        synchronized void add(String outcome) {
            counts.merge(outcome, 1, Integer::sum);
        }

        @Override
        public synchronized void close() {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("[kefu.itest %s] %d tests: %s%n", KefuDatabase.DATABASE, total, counts);
        }
    }
}
