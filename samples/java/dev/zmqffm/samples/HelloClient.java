package dev.zmqffm.samples;

import dev.zmqffm.Context;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketType;

/**
 * The blog's hello-world client: a REQ socket sends {@code hello} and prints each reply.
 *
 * <pre>
 * scripts/sample hello-client                           # tcp://localhost:5555, one request
 * scripts/sample hello-client tcp://127.0.0.1:6000 10   # ten requests
 * </pre>
 *
 * <p>It may start before the server: the connect succeeds at once, the request waits in the
 * queue, and libzmq keeps reconnecting until a server answers.
 */
public final class HelloClient {
    private HelloClient() {}

    public static void main(String[] args) {
        String endpoint = args.length > 0 ? args[0] : "tcp://localhost:5555";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        try (Context ctx = Context.create();
             Socket requester = ctx.socket(SocketType.REQ)) {
            requester.connect(endpoint);
            for (int i = 0; i < count; i++) {
                requester.send("hello");
                System.out.println(requester.receiveString().orElseThrow());
            }
        }
    }
}
