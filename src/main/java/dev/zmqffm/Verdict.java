package dev.zmqffm;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link CurveVerifier} decided about one client: allowed under a {@code User-Id} (with
 * optional metadata attached to every message of that peer), or denied with a reason for the audit.
 *
 * {@snippet class=dev.zmqffm.snippets.SecuritySnippets region=verdict}
 *
 * @param allowed whether the peer may connect
 * @param userId the {@code User-Id} of an allowed peer (empty for a denial)
 * @param metadata properties attached to every message of an allowed peer
 * @param reason why (recorded in the audit stream; never sent to the peer)
 */
public record Verdict(boolean allowed, String userId, Map<String, String> metadata, String reason) {

    /** Copies the metadata; checks names are 1–255 bytes. */
    public Verdict {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(reason, "reason");
        metadata = Map.copyOf(metadata);
        for (String name : metadata.keySet()) {
            int n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (n == 0 || n > 255) {
                throw new IllegalArgumentException("metadata names have 1 to 255 bytes: " + name);
            }
            if (Authenticator.isReservedProperty(name)) {
                throw new IllegalArgumentException("metadata name is reserved: " + name);
            }
        }
    }

    /**
     * Allowed, with this {@code User-Id}.
     *
     * @param userId the {@code User-Id} property of the peer's messages; may be empty
     * @return an allowing verdict without metadata
     */
    public static Verdict allow(String userId) {
        return new Verdict(true, userId, Map.of(), "allowed");
    }

    /**
     * Allowed, with this {@code User-Id} and metadata.
     *
     * @param userId the {@code User-Id} property of the peer's messages; may be empty
     * @param metadata properties attached to the peer's messages; names of 1 to 255 bytes, not
     *         reserved ones such as {@code User-Id}
     * @return an allowing verdict
     * @throws IllegalArgumentException if a metadata name is empty, too long or reserved
     */
    public static Verdict allow(String userId, Map<String, String> metadata) {
        return new Verdict(true, userId, metadata, "allowed");
    }

    /**
     * Denied.
     *
     * @param reason why, for the audit record and the ZAP status text (seen by the server side
     *         only)
     * @return a denying verdict
     */
    public static Verdict deny(String reason) {
        return new Verdict(false, "", Map.of(), reason);
    }
}
