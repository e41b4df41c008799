package io.kefu.security.internal;

/** A request about user accounts that cannot be carried out, with a reason fit to show the admin. */
final class UserAccountException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String code;

    UserAccountException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    Kind kind() {
        return kind;
    }

    String code() {
        return code;
    }
}
