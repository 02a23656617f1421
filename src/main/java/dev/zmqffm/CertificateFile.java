package dev.zmqffm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of a certificate in CZMQ's format (a subset of ZPL, the format of {@code zcert},
 * pyzmq's {@code zmq.auth} and JeroMQ's {@code ZCert}), decoding itself from its lines.
 *
 * <pre>
 * metadata
 *     name = "alice"
 * curve
 *     public-key = "O*eU.ZMg(9:3ym+k6oqhWTP(mWp[I^*O=]BCF(aw"
 *     secret-key = "..."          (secret files only)
 * </pre>
 *
 * <p>Errors name the line number, never the line: it may hold a secret key.
 *
 * @param metadata the {@code metadata} section, in file order
 * @param publicKey the {@code curve/public-key} text
 * @param secretKey the {@code curve/secret-key} text, or null in a public certificate
 */
record CertificateFile(Map<String, String> metadata, String publicKey, String secretKey) {

    /** Parses the lines of a certificate file. */
    static CertificateFile parse(List<String> lines) {
        Map<String, String> metadata = new LinkedHashMap<>();
        String publicKey = null;
        String secretKey = null;
        String section = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                section = trimmed;
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0 || section == null) {
                throw new IllegalArgumentException("certificate line " + (n + 1) + " is not 'name = value' inside a section");
            }
            String name = trimmed.substring(0, eq).strip();
            String value = value(trimmed.substring(eq + 1).strip(), n + 1);
            if (section.equals("metadata")) {
                metadata.put(name, value);
            } else if (section.equals("curve") && name.equals("public-key")) {
                publicKey = value;
            } else if (section.equals("curve") && name.equals("secret-key")) {
                secretKey = value;
            }
        }
        if (publicKey == null) {
            throw new IllegalArgumentException("certificate has no curve/public-key (empty or half-written file?)");
        }
        return new CertificateFile(Map.copyOf(metadata), publicKey, secretKey);
    }

    private static String value(String raw, int line) {
        if (raw.startsWith("\"") || raw.startsWith("'")) {
            char quote = raw.charAt(0);
            int end = raw.indexOf(quote, 1);
            if (end < 0) {
                throw new IllegalArgumentException("certificate line " + line + " has an unterminated quoted value");
            }
            return raw.substring(1, end);
        }
        // Unquoted ZPL values end at a comment; keys are always quoted because Z85 contains '#'.
        int comment = raw.indexOf('#');
        return (comment < 0 ? raw : raw.substring(0, comment)).strip();
    }

    /** The file's text, with a header that says what kind of certificate it is. */
    String format(String generated) {
        StringBuilder b = new StringBuilder();
        b.append("#   ****  Generated on ").append(generated).append(" by zmq-ffm  ****\n");
        if (secretKey != null) {
            b.append("#   ZeroMQ CURVE **Secret** Certificate\n");
            b.append("#   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.\n");
        } else {
            b.append("#   ZeroMQ CURVE Public Certificate\n");
            b.append("#   Exchange securely, or use a secure mechanism to verify the contents\n");
            b.append("#   of this file after exchange.\n");
        }
        b.append("\nmetadata\n");
        metadata.forEach((k, v) -> b.append("    ").append(k).append(" = ").append(quote(v)).append('\n'));
        b.append("curve\n");
        b.append("    public-key = \"").append(publicKey).append("\"\n");
        if (secretKey != null) {
            b.append("    secret-key = \"").append(secretKey).append("\"\n");
        }
        return b.toString();
    }

    private static String quote(String v) {
        return v.indexOf('"') < 0 ? "\"" + v + "\"" : "'" + v + "'";
    }

    /** Checks a metadata entry can be written and read back unchanged. */
    static void checkMetadata(String name, String value) {
        if (name.isEmpty() || !name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "$-_@.&+/".indexOf(c) >= 0))) {
            throw new IllegalArgumentException("certificate metadata name must be letters, digits or $-_@.&+/: " + name);
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || (value.indexOf('"') >= 0 && value.indexOf('\'') >= 0)) {
            throw new IllegalArgumentException("certificate metadata value of " + name
                    + " must be one line without both kinds of quote");
        }
    }
}
