package io.kefu.security.internal;

import io.kefu.api.security.KefuUser;
import java.time.Duration;

/**
 * What a login attempt gave. A failure does not say whether the username or the password was wrong.
 */
sealed interface LoginOutcome {
    record Success(String token, KefuUser user, boolean mustChangePassword) implements LoginOutcome {
    }

    record Failure() implements LoginOutcome {
    }

    record Throttled(Duration retryAfter) implements LoginOutcome {
    }
}
