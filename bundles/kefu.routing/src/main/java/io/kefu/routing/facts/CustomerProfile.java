package io.kefu.routing.facts;

import java.util.LinkedHashSet;
import java.util.Set;

/** The customer of the conversation: their tier (STANDARD, SILVER, GOLD, VIP) and tags. */
public final class CustomerProfile {
    private String customerId;
    private String tier = "STANDARD";
    private Set<String> tags = new LinkedHashSet<>();

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    public String getCustomerId() { return customerId; }
    public void setCustomerId(String customerId) { this.customerId = customerId; }
    public String getTier() { return tier; }
    public void setTier(String tier) { this.tier = tier == null ? "STANDARD" : tier; }
    public Set<String> getTags() { return tags; }
    public void setTags(Set<String> tags) { this.tags = tags == null ? new LinkedHashSet<>() : new LinkedHashSet<>(tags); }
}
