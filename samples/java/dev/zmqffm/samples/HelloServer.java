package dev.zmqffm.samples;

import dev.zmqffm.Context;
import dev.zmqffm.ContextTerminatedException;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketType;

/**
 * The blog's hello-world server: a REP socket answers every request with {@code World}.
 *
 * <pre>
 * scripts/sample hello-server                      # binds tcp://*:5555
 * scripts/sample hello-server tcp://127.0.0.1:6000
 * </pre>
 *
 * <p>It prints {@code received <request>} for each request and runs until SIGINT or SIGTERM;
 * then the context is shut down, the blocked receive returns with
 * {@link ContextTerminatedException}, everything closes, and the process exits with status 0.
 */
public final class HelloServer {
    private HelloServer() {}

    public static void main(String[] args) {
        String endpoint = args.length > 0 ? args[0] : "tcp://*:5555";
        try (Context ctx = Context.create();
             Socket responder = ctx.socket(SocketType.REP)) {
            Shutdown.onSignal(ctx);
            responder.bind(endpoint);
            System.err.println("hello-server: listening on " + endpoint);
            while (true) {
                String request = responder.receiveString().orElseThrow();
                System.out.println("received " + request);
                responder.send("World");
            }
        } catch (ContextTerminatedException stopping) {
            System.err.println("hello-server: stopped");
        }
    }
}
