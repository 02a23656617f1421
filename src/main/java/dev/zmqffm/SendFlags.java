package dev.zmqffm;

/**
 * Flags for sends: whether to wait, and whether more frames of the same message follow.
 *
 * {@snippet class=dev.zmqffm.snippets.MessagingSnippets region=send-flags}
 *
 * <p>A type of its own, distinct from {@link ReceiveFlags}, so a receive flag can never be passed
 * to a send. Instances are interned: combining flags allocates nothing.
 */
public final class SendFlags {
    private static final SendFlags[] ALL = new SendFlags[4];

    /** Block until the message is queued (or the socket's send timeout elapses). */
    public static final SendFlags NONE = make(0);
    /** Do not wait: a send that would block returns {@code false} ({@code ZMQ_DONTWAIT}). */
    public static final SendFlags DONT_WAIT = make(1);
    /** More frames of this message follow ({@code ZMQ_SNDMORE}). */
    public static final SendFlags SEND_MORE = make(2);

    static {
        make(3);
    }

    private final int bits;

    private SendFlags(int bits) {
        this.bits = bits;
    }

    private static SendFlags make(int bits) {
        SendFlags f = new SendFlags(bits);
        ALL[bits] = f;
        return f;
    }

    /**
     * {@return these flags and {@code other} together}
     *
     * @param other flags to add
     */
    public SendFlags and(SendFlags other) {
        return ALL[bits | other.bits];
    }

    /**
     * {@return whether every flag of {@code other} is set here}
     *
     * @param other the flags looked for
     */
    public boolean contains(SendFlags other) {
        return (bits & other.bits) == other.bits;
    }

    /** libzmq's flag bits ({@code ZMQ_DONTWAIT} = 1, {@code ZMQ_SNDMORE} = 2). */
    int bits() {
        return bits;
    }

    @Override
    public String toString() {
        return switch (bits) {
            case 0 -> "NONE";
            case 1 -> "DONT_WAIT";
            case 2 -> "SEND_MORE";
            default -> "DONT_WAIT|SEND_MORE";
        };
    }
}
