package dev.zmqffm;

import dev.zmqffm.internal.LibZmq;
import dev.zmqffm.internal.NativeLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A CURVE secret key: 32 bytes that never appear in a {@code toString}, a log line or an exception
 * message, and that can be wiped once the socket has them.
 *
 * {@snippet class=dev.zmqffm.snippets.SecuritySnippets region=secret-key}
 *
 * <p>{@link SocketOptions#CURVE_SECRETKEY} takes this type and cannot be read back. Equality is
 * compared in constant time; the hash code is the same for every key, so hash tables never spread
 * secrets by their bits. A wiped key throws {@link IllegalStateException} from every use but
 * {@code toString}, {@code wipe} and {@code isWiped}.
 */
public final class SecretKey implements AutoCloseable {
    private final byte[] bytes;
    private volatile boolean wiped;

    private SecretKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A key from its 32 raw bytes (copied: the caller may wipe its array).
     *
     * @param key exactly 32 bytes
     * @return a key holding its own copy
     * @throws IllegalArgumentException if {@code key} is not 32 bytes long
     */
    public static SecretKey ofBytes(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != CurveKey.BYTES) {
            throw new IllegalArgumentException("a CURVE secret key has " + CurveKey.BYTES + " bytes, not " + key.length);
        }
        return new SecretKey(key.clone());
    }

    /**
     * A key from its 40-character Z85 text (a {@code char[]} or {@code String}). A rejected text is
     * never quoted in the exception.
     *
     * @param z85 40 characters of the Z85 alphabet
     * @return the key
     * @throws IllegalArgumentException if {@code z85} is not a 40-character Z85 text
     */
    public static SecretKey fromZ85(CharSequence z85) {
        Objects.requireNonNull(z85, "z85");
        return new SecretKey(Z85.decodeKey(z85, "secret key"));
    }

    /**
     * A key from its 40-character Z85 text in an array the caller can wipe afterwards.
     *
     * @param z85 40 characters of the Z85 alphabet; not kept
     * @return the key
     * @throws IllegalArgumentException if {@code z85} is not a 40-character Z85 text
     */
    public static SecretKey fromZ85(char[] z85) {
        Objects.requireNonNull(z85, "z85");
        return fromZ85(java.nio.CharBuffer.wrap(z85));
    }

    /**
     * {@return the public key that belongs to this secret key ({@code zmq_curve_public})}
     *
     * @throws IllegalStateException if this key was wiped
     */
    public CurveKey publicKey() {
        byte[] raw = bytes();
        char[] text = Z85.encode(raw);
        Arrays.fill(raw, (byte) 0);
        NativeLibrary.lookup();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pub = arena.allocate(CurveKey.Z85_LENGTH + 1);
            MemorySegment sec = arena.allocate(CurveKey.Z85_LENGTH + 1);
            for (int i = 0; i < text.length; i++) {
                sec.set(ValueLayout.JAVA_BYTE, i, (byte) text[i]);
            }
            Arrays.fill(text, '\0');
            MemorySegment capture = arena.allocate(LibZmq.CAPTURE_LAYOUT);
            int rc = LibZmq.zmq_curve_public(capture, pub, sec);
            sec.fill((byte) 0);
            if (rc != 0) {
                throw Failures.of("zmq_curve_public", capture);
            }
            return CurveKey.fromZ85(pub.getString(0));
        }
    }

    /**
     * {@return the 32 raw bytes, in a new array the caller should wipe after use}
     *
     * @throws IllegalStateException if this key was wiped
     */
    public byte[] bytes() {
        checkNotWiped();
        return bytes.clone();
    }

    /**
     * {@return the 40-character Z85 text, in a new array the caller should wipe after use}
     *
     * @throws IllegalStateException if this key was wiped
     */
    public char[] toZ85() {
        byte[] raw = bytes();
        try {
            return Z85.encode(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Zeroes this object's copy of the key. Idempotent. */
    public void wipe() {
        wiped = true;
        Arrays.fill(bytes, (byte) 0);
    }

    /** {@return whether {@link #wipe()} has been called} */
    public boolean isWiped() {
        return wiped;
    }

    /** Same as {@link #wipe()}. */
    @Override
    public void close() {
        wipe();
    }

    private void checkNotWiped() {
        if (wiped) {
            throw new IllegalStateException("secret key was wiped");
        }
    }

    /** Constant-time comparison of the key bytes. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SecretKey k)) {
            return false;
        }
        checkNotWiped();
        k.checkNotWiped();
        return MessageDigest.isEqual(bytes, k.bytes);
    }

    /** The same value for every key: a hash code would leak bits of the secret. */
    @Override
    public int hashCode() {
        return 0x5EC2E7;
    }

    /** Never the key: {@code SecretKey[redacted]} (or {@code SecretKey[wiped]}). */
    @Override
    public String toString() {
        return wiped ? "SecretKey[wiped]" : "SecretKey[redacted]";
    }

    /** How {@link SocketOptions#CURVE_SECRETKEY} passes the key to libzmq; it is write-only. */
    static final OptionCodec<SecretKey> CODEC = new OptionCodec<>() {
        @Override
        MemorySegment encode(Arena arena, SecretKey value, String option) {
            byte[] raw = value.bytes();
            MemorySegment s = arena.allocate(CurveKey.BYTES);
            MemorySegment.copy(raw, 0, s, ValueLayout.JAVA_BYTE, 0, CurveKey.BYTES);
            Arrays.fill(raw, (byte) 0);
            return s;
        }

        @Override
        long readSize() {
            return CurveKey.BYTES;
        }

        @Override
        SecretKey decode(MemorySegment buffer, long size) {
            throw new UnsupportedOperationException("a secret key is never read back from a socket");
        }
    };
}
