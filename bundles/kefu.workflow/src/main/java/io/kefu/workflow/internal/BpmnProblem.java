package io.kefu.workflow.internal;

/**
 * What is wrong with a BPMN model (or one of its forms): the element it is about, the reason, the XML line (0 when
 * unknown). Errors block deployment; warnings (an action no bundle provides yet, say) do not.
 */
public record BpmnProblem(String elementId, String message, int line, boolean warning) {
    public BpmnProblem(String elementId, String message, int line) {
        this(elementId, message, line, false);
    }
}
