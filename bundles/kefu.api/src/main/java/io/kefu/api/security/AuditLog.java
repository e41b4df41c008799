package io.kefu.api.security;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The append-only record of who changed what. Every bundle that changes state on a person's behalf writes here. */
@ProviderType
public interface AuditLog {
    void record(String actor, String action, String target, String detail);

    /** Newest first; {@code offset} and {@code limit} page through the log. */
    List<AuditEntry> recent(int offset, int limit);
}
