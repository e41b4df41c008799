package io.kefu.api.security;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Resolves the token a client presents (cookie or bearer) to the user it was issued to. Implemented by the
 * security bundle; the web bundle asks it on every request.
 */
@ProviderType
public interface Sessions {
    /** The user behind a live token, or empty for an unknown, expired or revoked one. */
    Optional<KefuUser> resolve(String token);
}
