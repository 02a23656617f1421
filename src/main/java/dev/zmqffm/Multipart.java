package dev.zmqffm;

import java.util.ArrayList;
import java.util.List;

/**
 * Multipart messages as helpers over a socket's single-frame core, for
 * {@link Socket#sendMultipart(List)} and {@link Socket#receiveMultipart()}.
 *
 * <pre>{@code
 * Multipart.send(socket, List.of(header, body));
 * }</pre>
 */
final class Multipart {
    private Multipart() {}

    /** Sends every frame, all but the last with SEND_MORE; {@code false} if the first could not go. */
    static boolean send(Socket socket, List<byte[]> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a message has at least one frame");
        }
        int last = frames.size() - 1;
        for (int i = 0; i <= last; i++) {
            if (!socket.send(frames.get(i), i == last ? SendFlags.NONE : SendFlags.SEND_MORE)) {
                if (i == 0) {
                    return false;
                }
                // libzmq queues a multipart message atomically: once the first frame is in, the
                // rest always fit. Only a timeout on a later frame could get here.
                throw new IllegalStateException("frame " + i + " of a multipart message could not be queued");
            }
        }
        return true;
    }

    /** The frames after {@code first}, which are already there: delivery is atomic. */
    static List<byte[]> rest(Socket socket, byte[] first) {
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasMore()) {
            frames.add(socket.receiveBytes(ReceiveFlags.DONT_WAIT).orElseThrow(
                    () -> new IllegalStateException("a multipart message ended early")));
        }
        return frames;
    }
}
