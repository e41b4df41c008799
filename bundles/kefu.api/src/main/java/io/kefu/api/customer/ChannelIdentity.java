package io.kefu.api.customer;

import java.util.Objects;

/**
 * One identifier of a customer. Only verified identities merge customers: an unverified email typed into a
 * chat form must not give a stranger someone else's history.
 */
public record ChannelIdentity(IdentityType type, String value, boolean verified) {
    public ChannelIdentity {
        Objects.requireNonNull(type, "type");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("identity value must not be blank");
        }
    }
}
