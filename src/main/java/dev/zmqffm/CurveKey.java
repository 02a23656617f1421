package dev.zmqffm;

import dev.zmqffm.internal.LibZmq;
import dev.zmqffm.internal.NativeLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Objects;

/**
 * A 32-byte CURVE key, convertible to and from its 40-character Z85 text.
 *
 * {@snippet class=dev.zmqffm.snippets.SecuritySnippets region=curve-key}
 *
 * <p>Z85 text is validated here: libzmq itself would accept a key with an embedded NUL and store
 * a mix of the old and new key. Instances are immutable. This type is for public keys; secret
 * keys are {@link SecretKey}s, which never print themselves.
 */
public final class CurveKey {
    /** Length of a key in bytes. */
    public static final int BYTES = 32;
    /** Length of a key in Z85 characters. */
    public static final int Z85_LENGTH = 40;

    private final byte[] bytes;

    private CurveKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A public and a secret key that belong together. Its {@code toString} shows the public key
     * only: the secret key is a {@link SecretKey}, which prints as {@code SecretKey[redacted]}.
     *
     * @param publicKey the key to share
     * @param secretKey the key to keep
     */
    public record KeyPair(CurveKey publicKey, SecretKey secretKey) {
        /** Checks both keys are present. */
        public KeyPair {
            Objects.requireNonNull(publicKey, "publicKey");
            Objects.requireNonNull(secretKey, "secretKey");
        }
    }

    /**
     * A key from its 32 raw bytes (copied).
     *
     * @param key exactly 32 bytes
     * @return the key
     * @throws IllegalArgumentException if {@code key} is not 32 bytes long
     */
    public static CurveKey ofBytes(byte[] key) {
        if (key.length != BYTES) {
            throw new IllegalArgumentException("a CURVE key has " + BYTES + " bytes, not " + key.length);
        }
        return new CurveKey(key.clone());
    }

    /**
     * A key from its 40-character Z85 text. A rejected text is never quoted in the exception: a
     * secret key pasted in the wrong place must not end up in a log.
     *
     * @param z85 40 characters of the Z85 alphabet
     * @return the key
     * @throws IllegalArgumentException if {@code z85} is not a 40-character Z85 text
     */
    public static CurveKey fromZ85(String z85) {
        Objects.requireNonNull(z85, "z85");
        return new CurveKey(Z85.decodeKey(z85, "CURVE key"));
    }

    /**
     * Generates a new key pair ({@code zmq_curve_keypair}).
     *
     * @return a fresh public key and the secret key it belongs to
     * @throws ZmqException if libzmq was built without CURVE ({@link Errno#ENOTSUP})
     */
    public static KeyPair generateKeyPair() {
        NativeLibrary.lookup();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pub = arena.allocate(Z85_LENGTH + 1);
            MemorySegment sec = arena.allocate(Z85_LENGTH + 1);
            MemorySegment capture = arena.allocate(LibZmq.CAPTURE_LAYOUT);
            try {
                if (LibZmq.zmq_curve_keypair(capture, pub, sec) != 0) {
                    throw Failures.of("zmq_curve_keypair", capture);
                }
                char[] secret = new char[Z85_LENGTH];
                for (int i = 0; i < Z85_LENGTH; i++) {
                    secret[i] = (char) sec.get(ValueLayout.JAVA_BYTE, i);
                }
                try {
                    return new KeyPair(fromZ85(pub.getString(0)), SecretKey.fromZ85(secret));
                } finally {
                    Arrays.fill(secret, '\0');
                }
            } finally {
                // The arena's memory goes back to malloc as it is: clear the secret first.
                sec.fill((byte) 0);
            }
        }
    }

    /**
     * {@return the public key that belongs to {@code secretKey}; same as {@link SecretKey#publicKey()}}
     *
     * @param secretKey a secret key that has not been wiped
     */
    public static CurveKey publicKeyOf(SecretKey secretKey) {
        return secretKey.publicKey();
    }

    /** {@return the 32 raw bytes (a copy)} */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@return the 40-character Z85 text} */
    public String toZ85() {
        return new String(Z85.encode(bytes));
    }

    /** Whether every byte is zero (libzmq's value for a key never set). */
    boolean isZero() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurveKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The Z85 text. */
    @Override
    public String toString() {
        return toZ85();
    }
}
