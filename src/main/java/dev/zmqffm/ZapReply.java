package dev.zmqffm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A ZAP reply, encoding itself into the exact frames libzmq checks: the envelope, {@code "1.0"},
 * the request id, a status of exactly {@code 200}/{@code 300}/{@code 400}/{@code 500}, status
 * text, user id and metadata in ZMTP property encoding. A reply that breaks any of these makes
 * libzmq drop the connection with a protocol error.
 *
 * @param envelope routing frames and the empty delimiter of the request
 * @param requestId the request's id
 * @param status 200 allowed, 300 temporary failure (silent disconnect), 400 denied, 500 internal error
 * @param statusText a short reason (seen by the server side only)
 * @param userId attached as {@code User-Id} to every message of an allowed peer
 * @param metadata attached as properties to every message of an allowed peer
 */
record ZapReply(List<byte[]> envelope, byte[] requestId, int status, String statusText, String userId,
        Map<String, String> metadata) {

    /** Validates the status and property names (1–255 bytes each, as ZMTP requires). */
    ZapReply {
        if (status != 200 && status != 300 && status != 400 && status != 500) {
            throw new IllegalArgumentException("ZAP status must be 200, 300, 400 or 500: " + status);
        }
        for (String name : metadata.keySet()) {
            int n = name.getBytes(StandardCharsets.UTF_8).length;
            if (n == 0 || n > 255) {
                throw new IllegalArgumentException("metadata names have 1 to 255 bytes");
            }
        }
    }

    /** The frames to send on the handler's ROUTER. */
    List<byte[]> frames() {
        List<byte[]> frames = new ArrayList<>(envelope.size() + 6);
        frames.addAll(envelope);
        frames.add(bytes("1.0"));
        frames.add(requestId);
        frames.add(bytes(Integer.toString(status)));
        frames.add(bytes(statusText));
        frames.add(bytes(status == 200 ? userId : ""));
        frames.add(status == 200 ? properties(metadata) : new byte[0]);
        return frames;
    }

    /** ZMTP property encoding: name length (1 byte), name, value length (4 bytes, big-endian), value. */
    static byte[] properties(Map<String, String> metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metadata.forEach((k, v) -> {
            byte[] name = bytes(k);
            byte[] value = bytes(v);
            out.write(name.length);
            out.writeBytes(name);
            out.write(value.length >>> 24);
            out.write(value.length >>> 16);
            out.write(value.length >>> 8);
            out.write(value.length);
            out.writeBytes(value);
        });
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
