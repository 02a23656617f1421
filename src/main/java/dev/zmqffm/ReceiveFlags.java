package dev.zmqffm;

/**
 * Flags for receives.
 *
 * {@snippet class=dev.zmqffm.snippets.MessagingSnippets region=receive-flags}
 *
 * <p>A type of its own, distinct from {@link SendFlags}.
 */
public final class ReceiveFlags {
    /** Block until a message arrives (or the socket's receive timeout elapses). */
    public static final ReceiveFlags NONE = new ReceiveFlags(0);
    /** Do not wait: a receive with nothing queued returns an empty result ({@code ZMQ_DONTWAIT}). */
    public static final ReceiveFlags DONT_WAIT = new ReceiveFlags(1);

    private final int bits;

    private ReceiveFlags(int bits) {
        this.bits = bits;
    }

    int bits() {
        return bits;
    }

    @Override
    public String toString() {
        return bits == 0 ? "NONE" : "DONT_WAIT";
    }
}
