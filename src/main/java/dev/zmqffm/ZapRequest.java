package dev.zmqffm;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A ZAP request (RFC 27) as a ROUTER handler receives it, decoding itself from its frames:
 * routing envelope, empty delimiter, {@code "1.0"}, request id, domain, address, identity,
 * mechanism, then the mechanism's credentials. Anything else is {@link Malformed}, which still
 * carries what is needed to answer it (the envelope and, if present, the request id).
 *
 * @param envelope the frames up to and including the empty delimiter (echoed in the reply)
 * @param requestId echoed in the reply
 * @param domain the server socket's ZAP_DOMAIN
 * @param address the peer's IP address as text
 * @param mechanism the security mechanism
 * @param credentials NULL: none; PLAIN: username, password; CURVE: the 32-byte client key;
 *        GSSAPI: the principal
 */
record ZapRequest(List<byte[]> envelope, byte[] requestId, String domain, String address, Mechanism mechanism,
        List<byte[]> credentials) {

    /** A request that cannot be decoded; {@code reason} never includes credential bytes. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        /** The envelope to answer to (null: not even a delimiter, so no reply can be routed). */
        final transient List<byte[]> envelope;
        /** The request id, or an empty one. */
        final transient byte[] requestId;

        Malformed(List<byte[]> envelope, byte[] requestId, String reason) {
            super(reason, null, false, false);
            this.envelope = envelope;
            this.requestId = requestId;
        }
    }

    /** Decodes the frames a ROUTER received. */
    static ZapRequest decode(List<byte[]> frames) throws Malformed {
        int delimiter = -1;
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i).length == 0) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0) {
            List<byte[]> envelope = frames.isEmpty() ? null : List.of(frames.get(0), new byte[0]);
            throw new Malformed(envelope, new byte[0], "no envelope delimiter");
        }
        List<byte[]> envelope = List.copyOf(frames.subList(0, delimiter + 1));
        List<byte[]> body = frames.subList(delimiter + 1, frames.size());
        byte[] id = body.size() > 1 ? body.get(1) : new byte[0];
        if (body.size() < 6) {
            throw new Malformed(envelope, id, "too few frames (" + body.size() + ")");
        }
        if (!"1.0".equals(text(body.get(0)))) {
            throw new Malformed(envelope, id, "unsupported ZAP version");
        }
        Mechanism mechanism = switch (text(body.get(5))) {
            case "NULL" -> Mechanism.NULL;
            case "PLAIN" -> Mechanism.PLAIN;
            case "CURVE" -> Mechanism.CURVE;
            case "GSSAPI" -> Mechanism.GSSAPI;
            default -> throw new Malformed(envelope, id, "unknown mechanism");
        };
        List<byte[]> credentials = List.copyOf(body.subList(6, body.size()));
        int expected = switch (mechanism) {
            case NULL -> 0;
            case PLAIN -> 2;
            case CURVE, GSSAPI -> 1;
        };
        if (credentials.size() != expected) {
            throw new Malformed(envelope, id, mechanism + " request with " + credentials.size() + " credential frames");
        }
        if (mechanism == Mechanism.CURVE && credentials.get(0).length != CurveKey.BYTES) {
            throw new Malformed(envelope, id, "CURVE key of " + credentials.get(0).length + " bytes");
        }
        return new ZapRequest(envelope, id, text(body.get(2)), text(body.get(3)), mechanism, credentials);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The name the peer claims: PLAIN username, CURVE key in Z85, GSSAPI principal; never a password. */
    String principal() {
        return switch (mechanism) {
            case NULL -> "";
            case PLAIN, GSSAPI -> text(credentials.get(0));
            case CURVE -> CurveKey.ofBytes(credentials.get(0)).toZ85();
        };
    }

    /** The records' generated toString would print the credentials (a PLAIN password). */
    @Override
    public String toString() {
        return "ZapRequest[domain=" + domain + ", address=" + address + ", mechanism=" + mechanism
                + ", principal=" + principal() + "]";
    }
}
