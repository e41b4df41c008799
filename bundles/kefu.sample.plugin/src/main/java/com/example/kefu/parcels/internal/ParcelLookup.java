package com.example.kefu.parcels.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Finds the carriers a tracking number can belong to. */
final class ParcelLookup {
    /** One possible carrier for a number, with the page where the customer or agent can follow the parcel. */
    record Match(String carrier, String carrierZh, String trackingNumber, String trackingUrl) {
    }

    private ParcelLookup() {
    }

    /** Normalises what people paste (spaces, dashes, lower case) and lists every carrier whose format fits. */
    static List<Match> lookup(String input) {
        String number = input == null ? "" : input.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return Arrays.stream(Carrier.values()).filter(c -> c.matches(number))
                .map(c -> new Match(c.displayName(), c.chineseName(), number, c.trackingUrl(number))).toList();
    }
}
