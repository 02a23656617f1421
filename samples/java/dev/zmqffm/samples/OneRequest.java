package dev.zmqffm.samples;

import dev.zmqffm.Context;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Shared by the security clients: one REQ request to {@code endpoint} with the security the caller
 * applies, the reply printed, or exit status 1 after 5 s without one (a denied client is only told
 * so by its socket monitor).
 */
final class OneRequest {
    private OneRequest() {}

    static void send(String program, String endpoint, Consumer<Socket> security, String text) {
        Optional<String> reply;
        try (Context ctx = Context.create(); Socket requester = ctx.socket(SocketType.REQ)) {
            requester.set(SocketOptions.LINGER, Duration.ZERO);
            security.accept(requester);
            requester.connect(endpoint);
            // Both steps are bounded: a REQ whose handshake was refused has no pipe to send on
            // until libzmq reconnects, so even the send can wait.
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            requester.set(SocketOptions.SNDTIMEO, Duration.ofSeconds(5));
            reply = requester.send(text)
                    ? requester.receiveString(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))
                    : Optional.empty();
        }
        if (reply.isEmpty()) {
            System.err.println(program + ": no reply within 5 s");
            System.exit(1);
        }
        System.out.println(reply.get());
    }
}
