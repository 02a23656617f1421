package dev.zmqffm;

import java.time.Duration;
import java.util.Objects;

/**
 * A typed socket option, in the style of {@link java.net.SocketOption}. Every stable option of
 * libzmq 4.3 is a constant in {@link SocketOptions}.
 *
 * {@snippet class=dev.zmqffm.snippets.CoreSnippets region=socket-option}
 *
 * <p>Each option knows its direction: setting a read-only option or reading a write-only one
 * throws {@link UnsupportedOperationException} before libzmq is called. Values use Java types:
 * durations as {@link java.time.Duration} ({@link SocketOptions#INFINITE} for libzmq's -1),
 * flags as {@code boolean}, 4-byte and 8-byte integers as {@code Integer} and {@code Long}
 * exactly as libzmq stores them, binary values as {@code byte[]}, and CURVE keys as
 * {@link CurveKey}.
 *
 * <p>An option zmq-ffm has no constant for (one of a newer libzmq, or of a draft build) can be
 * used by its number through {@link #unchecked(int, Class)}: the caller chooses the type, and
 * nothing checks the direction or the value.
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
    private final boolean unchecked;

    SocketOption(String name, int id, Class<?> type, OptionCodec<T> codec, boolean readable, boolean writable) {
        this(name, id, type, codec, readable, writable, false);
    }

    private SocketOption(String name, int id, Class<?> type, OptionCodec<T> codec, boolean readable, boolean writable,
                         boolean unchecked) {
        this.name = name;
        this.id = id;
        this.type = type;
        this.codec = codec;
        this.readable = readable;
        this.writable = writable;
        this.unchecked = unchecked;
    }

    /**
     * <b>Unchecked escape hatch:</b> the socket option with libzmq's number {@code id}, for an
     * option zmq-ffm has no constant for — one added by a newer libzmq, or a draft option of a
     * libzmq built with draft support.
     *
     * {@snippet class=dev.zmqffm.snippets.CoreSnippets region=socket-option-unchecked}
     *
     * <p>Nothing is checked but the type: the option counts as readable and writable (libzmq
     * answers {@link Errno#EINVAL} the wrong way round), and values go to libzmq as they are.
     * The caller's {@code type} chooses the C representation:
     * <ul>
     *   <li>{@code Integer}: a C {@code int}; {@code Boolean}: a C {@code int} 0 or 1;
     *       {@code Duration}: a C {@code int} of milliseconds, -1 for {@link SocketOptions#INFINITE};</li>
     *   <li>{@code Long}: a 64-bit integer ({@code int64_t}, {@code uint64_t});</li>
     *   <li>{@code byte[]}: binary data (reads return up to 255 bytes);</li>
     *   <li>{@code String}: a character string in UTF-8 (reads return up to 1023 bytes).</li>
     * </ul>
     * A number zmq-ffm knows is refused, so its checks (direction, value validation) cannot be
     * bypassed by accident: use the constant in {@link SocketOptions}.
     *
     * @param id libzmq's option number
     * @param type {@code Integer}, {@code Long}, {@code Boolean}, {@code Duration}, {@code byte[]} or {@code String}
     * @param <T> the value type
     * @return a new option; {@link #toString()} marks it unchecked
     * @throws IllegalArgumentException if {@code id} is an option of {@link SocketOptions}, or
     *         {@code type} is not one of the above
     */
    public static <T> SocketOption<T> unchecked(int id, Class<T> type) {
        Objects.requireNonNull(type, "type");
        for (SocketOption<?> known : SocketOptions.all()) {
            if (known.id == id) {
                throw new IllegalArgumentException("socket option " + id + " is SocketOptions." + known.name
                        + ": use that constant");
            }
        }
        return new SocketOption<>("option " + id + " (unchecked)", id, type, OptionCodec.forType(type), true, true, true);
    }

    /**
     * {@return the option's name without the {@code ZMQ_} prefix, e.g. {@code SNDHWM}; for an
     * {@linkplain #unchecked(int, Class) unchecked} option, {@code option 93 (unchecked)}}
     */
    public String name() {
        return name;
    }

    /** {@return libzmq's number for the option ({@code ZMQ_LINGER} is 17)} */
    public int id() {
        return id;
    }

    /** {@return the Java type of the option's value} */
    public Class<?> type() {
        return type;
    }

    /** {@return whether this option was made by {@link #unchecked(int, Class)}} */
    public boolean isUnchecked() {
        return unchecked;
    }

    /**
     * A value of this option as text for logs and messages: durations as {@code infinite} or
     * milliseconds ({@code 1500 ms}) where {@link Duration#toString()} would print
     * {@link SocketOptions#INFINITE} as {@code PT2562047788015215H30M7.999999999S}, binary values
     * as hexadecimal, everything else as {@link String#valueOf(Object)}.
     *
     * @param value a value of this option, as {@link Socket#get} returns it
     * @return the text
     */
    public String format(T value) {
        return codec.format(value);
    }

    /** {@return whether {@link Socket#get} accepts this option} */
    public boolean isReadable() {
        return readable;
    }

    /** {@return whether {@link Socket#set} accepts this option} */
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

    /** {@code ZMQ_SNDHWM}, or for an unchecked option {@code option 93 (unchecked)}. */
    @Override
    public String toString() {
        return unchecked ? name : "ZMQ_" + name;
    }
}
