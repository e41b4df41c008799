package io.kefu.api.security;

import java.time.Instant;

/**
 * One line of the audit log: who ({@code actor}, a username or {@code system}) did what ({@code action}, such as
 * {@code user.create}) to which object ({@code target}), with a short human-readable {@code detail}.
 * Details must not contain personal data beyond what identifies the object.
 */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String detail) {
}
