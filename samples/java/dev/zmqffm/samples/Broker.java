package dev.zmqffm.samples;

import dev.zmqffm.Context;
import dev.zmqffm.ContextTerminatedException;
import dev.zmqffm.Proxy;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketType;

/**
 * Request-reply broker: clients (REQ) connect to a ROUTER, workers (REP) to a DEALER, and a
 * {@link Proxy} shuttles messages between them, so clients and workers can come and go without
 * knowing each other. Prints the proxy's statistics every few seconds; runs until Ctrl-C.
 *
 * <pre>
 * scripts/sample broker [frontend] [backend]     # tcp://*:5559 tcp://*:5560
 * </pre>
 */
public final class Broker {
    private Broker() {}

    public static void main(String[] args) throws InterruptedException {
        String frontend = args.length > 0 ? args[0] : "tcp://*:5559";
        String backend = args.length > 1 ? args[1] : "tcp://*:5560";
        try (Context ctx = Context.create();
             Socket clients = ctx.socket(SocketType.ROUTER);
             Socket workers = ctx.socket(SocketType.DEALER)) {
            clients.bind(frontend);
            workers.bind(backend);
            Shutdown.onSignal(ctx);
            System.err.println("broker: clients on " + frontend + ", workers on " + backend);
            try (Proxy proxy = Proxy.start(clients, workers)) {
                while (proxy.isRunning()) {
                    Thread.sleep(3000);
                    if (proxy.isRunning()) {
                        System.out.println("broker: " + proxy.statistics());
                    }
                }
            } catch (ContextTerminatedException | IllegalStateException stopping) {
                // the context was shut down while asking for statistics: we are stopping
            }
            System.err.println("broker: stopped");
        }
    }
}
