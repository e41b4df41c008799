package io.kefu.evaluation;

import java.io.PrintStream;

/** A one-line progress bar on standard error, redrawn in place; plain lines when the output is not a terminal. */
final class Progress {
    private final PrintStream out = System.err;
    private final boolean terminal = System.console() != null;
    private final String task;
    private final long total;
    private long done;
    private int lastPercent = -1;
    private final long started = System.nanoTime();

    Progress(String task, long total) {
        this.task = task;
        this.total = Math.max(1, total);
    }

    void step() {
        advance(1);
    }

    synchronized void advance(long n) {
        done += n;
        int percent = (int) (100 * Math.min(done, total) / total);
        if (percent == lastPercent || (!terminal && percent % 25 != 0)) {
            return;
        }
        lastPercent = percent;
        int filled = percent / 4;
        String bar = "#".repeat(filled) + " ".repeat(25 - filled);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.print((terminal ? "\r" : "") + String.format("%-38s [%s] %3d%% %6.1fs", task, bar, percent, seconds)
                + (terminal ? "" : "\n"));
        out.flush();
    }

    void finish() {
        advance(total - done);
        if (terminal) {
            out.println();
        }
    }
}
