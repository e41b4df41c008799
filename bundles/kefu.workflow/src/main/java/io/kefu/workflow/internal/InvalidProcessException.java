package io.kefu.workflow.internal;

import java.util.List;

/** A deployment refused because of {@link #problems()}; nothing was deployed. */
public final class InvalidProcessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<BpmnProblem> problems;

    public InvalidProcessException(List<BpmnProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    private static String summary(List<BpmnProblem> problems) {
        StringBuilder text = new StringBuilder("the process cannot be deployed:");
        for (BpmnProblem problem : problems) {
            text.append(' ');
            if (problem.elementId() != null) {
                text.append(problem.elementId()).append(": ");
            }
            text.append(problem.message());
            if (problem.line() > 0) {
                text.append(" (line ").append(problem.line()).append(')');
            }
            text.append(';');
        }
        return text.substring(0, text.length() - 1);
    }

    public List<BpmnProblem> problems() {
        return problems;
    }
}
