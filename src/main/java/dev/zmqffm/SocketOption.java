package dev.zmqffm;

/**
 * A typed socket option, in the style of {@link java.net.SocketOption}. Every stable option of
 * libzmq 4.3 is a constant in {@link SocketOptions}.
 *
 * <pre>{@code
 * socket.set(SocketOptions.LINGER, Duration.ZERO);
 * socket.set(SocketOptions.ROUTING_ID, "worker-1".getBytes(UTF_8));
 * int hwm = socket.get(SocketOptions.SNDHWM);
 * String where = socket.get(SocketOptions.LAST_ENDPOINT);
 * }</pre>
 *
 * <p>Each option knows its direction: setting a read-only option or reading a write-only one
 * throws {@link UnsupportedOperationException} before libzmq is called. Values use Java types:
 * durations as {@link java.time.Duration} ({@link SocketOptions#INFINITE} for libzmq's -1),
 * flags as {@code boolean}, 4-byte and 8-byte integers as {@code Integer} and {@code Long}
 * exactly as libzmq stores them, binary values as {@code byte[]}, and CURVE keys as
 * {@link CurveKey}.
 *
 * @param <T> the option's Java type
 */
public final class SocketOption<T> {
    private final String name;
    private final int id;
    private final Class<?> type;
    private final boolean readable;
    private final boolean writable;
    private final OptionCodec<T> codec;

    SocketOption(String name, int id, Class<?> type, OptionCodec<T> codec, boolean readable, boolean writable) {
        this.name = name;
        this.id = id;
        this.type = type;
        this.codec = codec;
        this.readable = readable;
        this.writable = writable;
    }

    /** The option's name without the {@code ZMQ_} prefix, e.g. {@code SNDHWM}. */
    public String name() {
        return name;
    }

    /** libzmq's number for the option ({@code ZMQ_LINGER} is 17). */
    public int id() {
        return id;
    }

    /** The Java type of the option's value. */
    public Class<?> type() {
        return type;
    }

    /** Whether {@link Socket#get} accepts this option. */
    public boolean isReadable() {
        return readable;
    }

    /** Whether {@link Socket#set} accepts this option. */
    public boolean isWritable() {
        return writable;
    }

    OptionCodec<T> codec() {
        return codec;
    }

    void checkReadable() {
        if (!readable) {
            throw new UnsupportedOperationException("socket option " + name + " is write-only");
        }
    }

    void checkWritable() {
        if (!writable) {
            throw new UnsupportedOperationException("socket option " + name + " is read-only");
        }
    }

    @Override
    public String toString() {
        return "ZMQ_" + name;
    }
}
