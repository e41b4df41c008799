package io.kefu.routing.internal;

/**
 * A reason a rule set cannot be published: a compile error at a line and column of the DRL (1-based; 0 when the
 * compiler did not say), or a problem found when running it (a loop, an exception), which has no position.
 */
public record RuleProblem(int line, int column, String message) {
    @Override
    public String toString() {
        return line > 0 ? "line " + line + (column > 0 ? ", column " + column : "") + ": " + message : message;
    }
}
