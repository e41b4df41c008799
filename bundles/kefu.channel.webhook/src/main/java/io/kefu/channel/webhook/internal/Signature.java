package io.kefu.channel.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over {@code <timestamp>.<body>}, sent as {@code X-Kefu-Signature: sha256=<hex>} with the timestamp in
 * {@code X-Kefu-Timestamp} (seconds since the epoch). Signing the timestamp with the body means an old request
 * cannot be replayed with a fresh timestamp.
 */
final class Signature {
    static final String HEADER = "X-Kefu-Signature";
    static final String TIMESTAMP_HEADER = "X-Kefu-Timestamp";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    Signature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    /** Compares in constant time, so the answer's timing says nothing about how much of a guess was right. */
    boolean verify(String timestamp, byte[] body, String presented) {
        if (timestamp == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(timestamp, body).getBytes(StandardCharsets.US_ASCII),
                presented.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
