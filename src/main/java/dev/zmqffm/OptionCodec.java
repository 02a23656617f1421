package dev.zmqffm;

import dev.zmqffm.internal.Platform;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;

/**
 * How one kind of socket option value travels through {@code zmq_setsockopt} and
 * {@code zmq_getsockopt}. Sizes are exact: libzmq rejects a 4-byte option read with an 8-byte
 * buffer, and silently misreads the reverse.
 */
abstract class OptionCodec<T> {
    /** Native bytes for {@code value}. */
    abstract MemorySegment encode(Arena arena, T value, String option);

    /** Buffer size for a read. */
    abstract long readSize();

    /** The value from the first {@code size} bytes of {@code buffer}. */
    abstract T decode(MemorySegment buffer, long size);

    /** The value as text for logs and messages ({@link SocketOption#format}). */
    String format(T value) {
        return String.valueOf(value);
    }

    static final OptionCodec<Integer> INT = new OptionCodec<>() {
        @Override
        MemorySegment encode(Arena arena, Integer value, String option) {
            return arena.allocateFrom(ValueLayout.JAVA_INT, value);
        }

        @Override
        long readSize() {
            return Integer.BYTES;
        }

        @Override
        Integer decode(MemorySegment buffer, long size) {
            return buffer.get(ValueLayout.JAVA_INT, 0);
        }
    };

    static final OptionCodec<Long> LONG = new OptionCodec<>() {
        @Override
        MemorySegment encode(Arena arena, Long value, String option) {
            return arena.allocateFrom(ValueLayout.JAVA_LONG, value);
        }

        @Override
        long readSize() {
            return Long.BYTES;
        }

        @Override
        Long decode(MemorySegment buffer, long size) {
            return buffer.get(ValueLayout.JAVA_LONG, 0);
        }
    };

    static final OptionCodec<Boolean> BOOLEAN = new OverInt<>() {
        @Override
        int to(Boolean value) {
            return value ? 1 : 0;
        }

        @Override
        Boolean from(int raw) {
            return raw != 0;
        }
    };

    /** Milliseconds as a C int, with -1 meaning {@link SocketOptions#INFINITE}. */
    static final OptionCodec<Duration> MILLIS = new OverInt<>() {
        @Override
        int to(Duration value) {
            return millis(value, "duration");
        }

        @Override
        Duration from(int raw) {
            return raw < 0 ? SocketOptions.INFINITE : Duration.ofMillis(raw);
        }

        @Override
        String format(Duration value) {
            return SocketOptions.INFINITE.equals(value) ? "infinite" : value.toMillis() + " ms";
        }
    };

    static final OptionCodec<SocketType> SOCKET_TYPE = new OverInt<>() {
        @Override
        int to(SocketType value) {
            return value.code();
        }

        @Override
        SocketType from(int raw) {
            return SocketType.of(raw);
        }
    };

    static final OptionCodec<Mechanism> MECHANISM = new OverInt<>() {
        @Override
        int to(Mechanism value) {
            return value.code();
        }

        @Override
        Mechanism from(int raw) {
            return Mechanism.of(raw);
        }
    };

    static final OptionCodec<Set<PollEvent>> EVENTS = new OverInt<>() {
        @Override
        int to(Set<PollEvent> value) {
            return PollEvent.bits(value);
        }

        @Override
        Set<PollEvent> from(int raw) {
            return PollEvent.decode(raw);
        }
    };

    /** A file descriptor: a C int on POSIX, a 64-bit SOCKET on Windows. */
    static final OptionCodec<Long> DESCRIPTOR = Platform.current().hasWideDescriptors() ? LONG : new OverInt<>() {
                @Override
                int to(Long value) {
                    return Math.toIntExact(value);
                }

                @Override
                Long from(int raw) {
                    return (long) raw;
                }
            };

    /** Binary data up to 255 bytes (routing ids, subscriptions, welcome messages). */
    static final OptionCodec<byte[]> BYTES = new OptionCodec<>() {
        @Override
        MemorySegment encode(Arena arena, byte[] value, String option) {
            MemorySegment s = arena.allocate(Math.max(1, value.length));
            MemorySegment.copy(value, 0, s, ValueLayout.JAVA_BYTE, 0, value.length);
            return s.asSlice(0, value.length);
        }

        @Override
        long readSize() {
            return 256;
        }

        @Override
        byte[] decode(MemorySegment buffer, long size) {
            return buffer.asSlice(0, size).toArray(ValueLayout.JAVA_BYTE);
        }

        @Override
        String format(byte[] value) {
            return "0x" + HexFormat.of().formatHex(value);
        }
    };

    /** A character string (UTF-8); libzmq takes the length, so no NUL is sent, and none is allowed. */
    static final OptionCodec<String> STRING = new OptionCodec<>() {
        @Override
        MemorySegment encode(Arena arena, String value, String option) {
            return BYTES.encode(arena, CStrings.checked(value, option).getBytes(StandardCharsets.UTF_8), option);
        }

        @Override
        long readSize() {
            return 1024;
        }

        @Override
        String decode(MemorySegment buffer, long size) {
            long n = 0;
            while (n < size && buffer.get(ValueLayout.JAVA_BYTE, n) != 0) {
                n++;
            }
            return new String(buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
        }
    };

    /** A CURVE key, always passed as its 32 raw bytes. */
    static final OptionCodec<CurveKey> CURVE_KEY = new OptionCodec<>() {
        @Override
        MemorySegment encode(Arena arena, CurveKey value, String option) {
            return BYTES.encode(arena, value.bytes(), option);
        }

        @Override
        long readSize() {
            return CurveKey.BYTES;
        }

        @Override
        CurveKey decode(MemorySegment buffer, long size) {
            return CurveKey.ofBytes(buffer.asSlice(0, size).toArray(ValueLayout.JAVA_BYTE));
        }
    };

    /**
     * The codec of {@link SocketOption#unchecked}'s value types.
     *
     * @throws IllegalArgumentException for a type without one
     */
    @SuppressWarnings("unchecked")
    static <T> OptionCodec<T> forType(Class<T> type) {
        OptionCodec<?> codec = type == Integer.class ? INT : type == Long.class ? LONG
                : type == Boolean.class ? BOOLEAN : type == Duration.class ? MILLIS
                : type == byte[].class ? BYTES : type == String.class ? STRING : null;
        if (codec == null) {
            throw new IllegalArgumentException("an unchecked option is an Integer, Long, Boolean, Duration, byte[] "
                    + "or String, not " + type.getName());
        }
        return (OptionCodec<T>) codec;
    }

    /**
     * A value stored as a C int. Subclasses rather than a pair of lambdas: a lambda's first use
     * spins a class, and these are all created when the first option is used (startup).
     */
    private abstract static class OverInt<U> extends OptionCodec<U> {
        abstract int to(U value);

        abstract U from(int raw);

        @Override
        final MemorySegment encode(Arena arena, U value, String option) {
            return INT.encode(arena, to(value), option);
        }

        @Override
        final long readSize() {
            return Integer.BYTES;
        }

        @Override
        final U decode(MemorySegment buffer, long size) {
            return from(INT.decode(buffer, size));
        }
    }

    /**
     * A duration as libzmq's int milliseconds: {@link SocketOptions#INFINITE} is -1, anything
     * else must be between 0 and {@code Integer.MAX_VALUE} ms; a fraction of a millisecond rounds
     * up so a tiny positive timeout never turns into "don't wait at all".
     */
    static int millis(Duration d, String what) {
        if (d == null) {
            throw new NullPointerException(what);
        }
        if (d.equals(SocketOptions.INFINITE)) {
            return -1;
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative (use SocketOptions.INFINITE): " + d);
        }
        long ms;
        try {
            ms = d.toMillis();
            if (Duration.ofMillis(ms).compareTo(d) < 0) {
                ms++;
            }
        } catch (ArithmeticException e) {
            ms = Long.MAX_VALUE;
        }
        if (ms > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " is longer than libzmq accepts (" + Integer.MAX_VALUE + " ms): " + d);
        }
        return (int) ms;
    }
}
