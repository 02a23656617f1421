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
 * <pre>{@code
 * CurveKey.KeyPair server = CurveKey.generateKeyPair();
 * serverSocket.set(SocketOptions.CURVE_SERVER, true);
 * serverSocket.set(SocketOptions.CURVE_SECRETKEY, server.secretKey());
 *
 * CurveKey.KeyPair client = CurveKey.generateKeyPair();
 * clientSocket.set(SocketOptions.CURVE_SERVERKEY, CurveKey.fromZ85(serverPublicZ85));
 * clientSocket.set(SocketOptions.CURVE_PUBLICKEY, client.publicKey());
 * clientSocket.set(SocketOptions.CURVE_SECRETKEY, client.secretKey());
 * }</pre>
 *
 * <p>Z85 text is validated here: libzmq itself would accept a key with an embedded NUL and store
 * a mix of the old and new key. Instances are immutable.
 */
public final class CurveKey {
    /** Length of a key in bytes. */
    public static final int BYTES = 32;
    /** Length of a key in Z85 characters. */
    public static final int Z85_LENGTH = 40;

    private static final String Z85_ALPHABET =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

    private final byte[] bytes;

    private CurveKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A public and a secret key that belong together.
     *
     * @param publicKey the key to share
     * @param secretKey the key to keep
     */
    public record KeyPair(CurveKey publicKey, CurveKey secretKey) {
        /** Checks both keys are present. */
        public KeyPair {
            Objects.requireNonNull(publicKey, "publicKey");
            Objects.requireNonNull(secretKey, "secretKey");
        }
    }

    /** A key from its 32 raw bytes (copied). */
    public static CurveKey ofBytes(byte[] key) {
        if (key.length != BYTES) {
            throw new IllegalArgumentException("a CURVE key has " + BYTES + " bytes, not " + key.length);
        }
        return new CurveKey(key.clone());
    }

    /** A key from its 40-character Z85 text. */
    public static CurveKey fromZ85(String z85) {
        Objects.requireNonNull(z85, "z85");
        if (z85.length() != Z85_LENGTH) {
            throw new IllegalArgumentException("a Z85 CURVE key has " + Z85_LENGTH + " characters, not " + z85.length());
        }
        for (int i = 0; i < z85.length(); i++) {
            if (Z85_ALPHABET.indexOf(z85.charAt(i)) < 0) {
                throw new IllegalArgumentException("not a Z85 character at index " + i + ": U+"
                        + String.format("%04X", (int) z85.charAt(i)));
            }
        }
        NativeLibrary.lookup();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(BYTES);
            MemorySegment result = LibZmq.zmq_z85_decode(out, arena.allocateFrom(z85));
            if (result.equals(MemorySegment.NULL)) {
                throw new IllegalArgumentException("invalid Z85 key: " + z85);
            }
            return new CurveKey(out.toArray(ValueLayout.JAVA_BYTE));
        }
    }

    /** Generates a new key pair ({@code zmq_curve_keypair}). */
    public static KeyPair generateKeyPair() {
        NativeLibrary.lookup();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pub = arena.allocate(Z85_LENGTH + 1);
            MemorySegment sec = arena.allocate(Z85_LENGTH + 1);
            MemorySegment capture = arena.allocate(LibZmq.CAPTURE_LAYOUT);
            if (LibZmq.zmq_curve_keypair(capture, pub, sec) != 0) {
                throw Failures.of("zmq_curve_keypair", capture);
            }
            return new KeyPair(fromZ85(pub.getString(0)), fromZ85(sec.getString(0)));
        }
    }

    /** The public key that belongs to {@code secretKey} ({@code zmq_curve_public}). */
    public static CurveKey publicKeyOf(CurveKey secretKey) {
        NativeLibrary.lookup();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pub = arena.allocate(Z85_LENGTH + 1);
            MemorySegment capture = arena.allocate(LibZmq.CAPTURE_LAYOUT);
            if (LibZmq.zmq_curve_public(capture, pub, arena.allocateFrom(secretKey.toZ85())) != 0) {
                throw Failures.of("zmq_curve_public", capture);
            }
            return fromZ85(pub.getString(0));
        }
    }

    /** The 32 raw bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The 40-character Z85 text. */
    public String toZ85() {
        NativeLibrary.lookup();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(Z85_LENGTH + 1);
            MemorySegment data = arena.allocate(BYTES);
            MemorySegment.copy(bytes, 0, data, ValueLayout.JAVA_BYTE, 0, BYTES);
            LibZmq.zmq_z85_encode(out, data, BYTES);
            return out.getString(0);
        }
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
