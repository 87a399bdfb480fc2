package io.guanxi.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which arm a customer is in: a bucket 0..9999 from the SHA-256 of the experiment id and the
 * customer id, so the same customer lands in the same arm on every call, instance and restart,
 * and a new customer joins at the same share. No random draw, no stored assignment.
 */
public final class Assignment {

    static final int BUCKETS = 10_000;

    private Assignment() {
    }

    /** The customer's bucket in the experiment, 0..9999. */
    public static int bucket(long experimentId, String customerId) {
        byte[] digest = sha256().digest((experimentId + ":" + customerId).getBytes(StandardCharsets.UTF_8));
        long first = ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8)
                | (digest[3] & 0xFFL);
        return (int) (first % BUCKETS);
    }

    /** Whether the customer is in the challenger's share (a whole percent of the buckets). */
    public static boolean inShare(long experimentId, String customerId, int sharePercent) {
        return bucket(experimentId, customerId) < sharePercent * (BUCKETS / 100);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
