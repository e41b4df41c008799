package com.example.kefu.parcels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParcelLookupTest {
    @Test
    void recognisesCarriersFromTheirFormats() {
        assertThat(ParcelLookup.lookup("SF1234567890123")).extracting(ParcelLookup.Match::carrier)
                .containsExactly("SF Express");
        assertThat(ParcelLookup.lookup("ea123456789cn")).extracting(ParcelLookup.Match::carrier)
                .containsExactly("China Post EMS");
        assertThat(ParcelLookup.lookup("1Z 999A A101 2345 6784")).extracting(ParcelLookup.Match::trackingNumber)
                .containsExactly("1Z999AA10123456784");
    }

    @Test
    void unknownFormatsMatchNothing() {
        assertThat(ParcelLookup.lookup("hello")).isEmpty();
        assertThat(ParcelLookup.lookup("")).isEmpty();
    }
}
