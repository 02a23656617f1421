package dev.zmqffm.samples;

import dev.zmqffm.Context;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketType;

/**
 * A client of the {@link Broker}: sends requests and prints the replies, whichever worker
 * answers them.
 *
 * <pre>
 * scripts/sample broker-client [frontend] [count]     # tcp://localhost:5559 10
 * </pre>
 */
public final class BrokerClient {
    private BrokerClient() {}

    public static void main(String[] args) {
        String frontend = args.length > 0 ? args[0] : "tcp://localhost:5559";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (Context ctx = Context.create(); Socket requester = ctx.socket(SocketType.REQ)) {
            requester.connect(frontend);
            for (int i = 0; i < count; i++) {
                requester.send("request " + i);
                System.out.println(requester.receiveString().orElseThrow());
            }
        }
    }
}
