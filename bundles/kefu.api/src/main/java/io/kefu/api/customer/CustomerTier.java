package io.kefu.api.customer;

/** Service tier of a customer; routing and SLA policies key on it. */
public enum CustomerTier {
    STANDARD, SILVER, GOLD, VIP
}
