package io.kefu.api.workflow;

/** A person tried to work on a task that is someone else's, or not for any of their groups. */
public class TaskAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskAccessException(String message) {
        super(message);
    }
}
