package io.kefu.routing.internal;

/** Running the rules for one decision failed: a consequence threw, or rules kept firing past the limit. */
public final class RuleFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RuleFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
