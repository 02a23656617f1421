package dev.zmqffm;

/**
 * Z85 (ZeroMQ RFC 32) for 32-byte keys, in Java: secret keys never pass through a native string
 * buffer that would be freed without being cleared, and a rejected text is never echoed (it may be
 * a secret).
 */
final class Z85 {
    private Z85() {}

    private static final String ALPHABET =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
    private static final byte[] DECODE = new byte[128];

    static {
        java.util.Arrays.fill(DECODE, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DECODE[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    /** Encodes {@code data} (a multiple of 4 bytes) into a new char array the caller may wipe. */
    static char[] encode(byte[] data) {
        char[] out = new char[data.length / 4 * 5];
        int o = 0;
        for (int i = 0; i < data.length; i += 4) {
            long value = ((data[i] & 0xFFL) << 24) | ((data[i + 1] & 0xFFL) << 16) | ((data[i + 2] & 0xFFL) << 8)
                    | (data[i + 3] & 0xFFL);
            for (int j = 4; j >= 0; j--) {
                out[o + j] = ALPHABET.charAt((int) (value % 85));
                value /= 85;
            }
            o += 5;
        }
        return out;
    }

    /**
     * Decodes 40 characters into 32 bytes.
     *
     * @throws IllegalArgumentException naming the position of the first bad character, never the text
     */
    static byte[] decodeKey(CharSequence text, String what) {
        if (text.length() != CurveKey.Z85_LENGTH) {
            throw new IllegalArgumentException("a Z85 " + what + " has " + CurveKey.Z85_LENGTH + " characters, not "
                    + text.length());
        }
        byte[] out = new byte[CurveKey.BYTES];
        int o = 0;
        for (int i = 0; i < text.length(); i += 5) {
            long value = 0;
            for (int j = 0; j < 5; j++) {
                char c = text.charAt(i + j);
                int digit = c < 128 ? DECODE[c] : -1;
                if (digit < 0) {
                    throw new IllegalArgumentException("not a Z85 character at index " + (i + j) + " of the " + what);
                }
                value = value * 85 + digit;
            }
            if (value > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("characters " + i + "-" + (i + 4) + " of the " + what
                        + " are not a valid Z85 group (value above 2^32)");
            }
            out[o++] = (byte) (value >>> 24);
            out[o++] = (byte) (value >>> 16);
            out[o++] = (byte) (value >>> 8);
            out[o++] = (byte) value;
        }
        return out;
    }
}
