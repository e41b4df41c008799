package io.kefu.api.workflow;

import java.util.Map;

/** A task's form values broke its form's rules; {@link #fieldErrors()} maps each field key to its reason. */
public class InvalidTaskDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fieldErrors;

    public InvalidTaskDataException(Map<String, String> fieldErrors) {
        super("invalid form data: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
