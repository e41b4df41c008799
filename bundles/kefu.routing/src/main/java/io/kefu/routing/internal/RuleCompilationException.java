package io.kefu.routing.internal;

import java.util.List;

/** A rule set that does not compile, with every problem the compiler reported. */
public final class RuleCompilationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<RuleProblem> problems;

    RuleCompilationException(List<RuleProblem> problems) {
        super("The rules do not compile: " + problems.get(0) + (problems.size() > 1
                ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
