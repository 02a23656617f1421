package dev.zmqffm.samples;

import dev.zmqffm.Context;
import dev.zmqffm.ContextTerminatedException;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketType;

/**
 * A worker behind the {@link Broker}: answers each request with its uppercase text and its own
 * process id. Runs until Ctrl-C.
 *
 * <pre>
 * scripts/sample broker-worker [backend]     # tcp://localhost:5560
 * </pre>
 */
public final class BrokerWorker {
    private BrokerWorker() {}

    public static void main(String[] args) {
        String backend = args.length > 0 ? args[0] : "tcp://localhost:5560";
        try (Context ctx = Context.create(); Socket responder = ctx.socket(SocketType.REP)) {
            Shutdown.onSignal(ctx);
            responder.connect(backend);
            while (true) {
                String request = responder.receiveString().orElseThrow();
                responder.send(request.toUpperCase() + " from " + ProcessHandle.current().pid());
            }
        } catch (ContextTerminatedException stopping) {
            System.err.println("broker-worker: stopped");
        }
    }
}
