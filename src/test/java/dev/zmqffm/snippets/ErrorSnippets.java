package dev.zmqffm.snippets;

import dev.zmqffm.AddressInUseException;
import dev.zmqffm.Context;
import dev.zmqffm.ContextTerminatedException;
import dev.zmqffm.Errno;
import dev.zmqffm.HostUnreachableException;
import dev.zmqffm.OperationInterruptedException;
import dev.zmqffm.SendFlags;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketStateException;
import dev.zmqffm.SocketType;
import dev.zmqffm.ZmqException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The javadoc examples of the exceptions and {@code Errno} (see {@link CoreSnippets} for how the
 * regions are used). Each returns what it caught, so {@code SnippetsTest} sees the exception
 * really is thrown where the example says.
 */
final class ErrorSnippets {
    private ErrorSnippets() {}

    static List<String> addressInUse() {
        try (Context ctx = Context.create();
             Socket other = ctx.socket(SocketType.PULL);
             Socket socket = ctx.socket(SocketType.PULL)) {
            String taken = other.bind("tcp://127.0.0.1:*");
            List<String> bound = new ArrayList<>();
            // @start region="address-in-use"
            try {
                socket.bind(taken);                                // another socket listens there
            } catch (AddressInUseException e) {
                bound.add(socket.bind("tcp://127.0.0.1:*"));   // fall back to any free port
            }
            // @end
            bound.add(taken);
            return bound;
        }
    }

    static boolean errno() {
        try (Context ctx = Context.create();
             Socket other = ctx.socket(SocketType.PULL);
             Socket socket = ctx.socket(SocketType.PULL)) {
            String taken = other.bind("tcp://127.0.0.1:*");
            boolean inUse = false;
            // @start region="errno"
            try {
                socket.bind(taken);
            } catch (ZmqException e) {
                inUse = e.errno() == Errno.EADDRINUSE;   // also thrown as AddressInUseException
            }
            // @end
            return inUse;
        }
    }

    static boolean contextTerminated() throws InterruptedException {
        try (Context ctx = Context.create()) {
            AtomicReference<String> outcome = new AtomicReference<>("still running");
            Thread thread = Thread.ofVirtual().start(() -> {
                // @start region="context-terminated"
                Socket worker = ctx.socket(SocketType.PULL);
                try {
                    worker.bind("inproc://work");
                    while (true) {
                        handle(worker.receiveString().orElseThrow());   // blocks until ctx.shutdown()
                    }
                } catch (ContextTerminatedException e) {
                    worker.close();                                      // the owner closes its own socket
                }
                // @end
                outcome.set("worker closed: " + worker.isClosed());
            });
            awaitBlocked(ctx);
            ctx.shutdown();      // from another thread: the blocked receive throws
            thread.join();
            return outcome.get().equals("worker closed: true");
        }
    }

    private static void handle(String job) {
        throw new AssertionError("no job was sent: " + job);
    }

    /** Waits until the worker's socket exists, so shutdown finds it blocked (or about to block). */
    private static void awaitBlocked(Context ctx) throws InterruptedException {
        while (ctx.openSockets() == 0) {
            Thread.sleep(1);
        }
    }

    static boolean hostUnreachable() {
        try (Context ctx = Context.create();
             Socket router = ctx.socket(SocketType.ROUTER)) {
            // @start region="host-unreachable"
            router.set(SocketOptions.ROUTER_MANDATORY, true);
            try {
                router.send("nobody", SendFlags.SEND_MORE);      // no peer has routing id "nobody"
            } catch (HostUnreachableException e) {
                return true;
            }
            // @end
            return false;
        }
    }

    static String operationInterrupted() throws InterruptedException {
        try (Context ctx = Context.create()) {
            AtomicReference<String> outcome = new AtomicReference<>("no exception");
            // @start region="operation-interrupted"
            Thread receiver = Thread.ofVirtual().start(() -> {
                try (Socket socket = ctx.socket(SocketType.PULL)) {
                    socket.bind("inproc://replies");
                    socket.receiveString();                      // nothing will come
                } catch (OperationInterruptedException e) {
                    outcome.set("interrupted");                  // the wait ended; the socket closes normally
                }
            });
            receiver.interrupt();                                // e.g. a cancelled task
            receiver.join();
            // @end
            return outcome.get();
        }
    }

    static boolean socketState() {
        try (Context ctx = Context.create();
             Socket rep = ctx.socket(SocketType.REP);
             Socket req = ctx.socket(SocketType.REQ)) {
            rep.bind("inproc://state");
            req.connect("inproc://state");
            // @start region="socket-state"
            req.send("a");
            try {
                req.send("b");                    // a REQ must receive the reply first
            } catch (SocketStateException e) {
                return true;
            }
            // @end
            return false;
        }
    }

    static String zmqException() {
        try (Context ctx = Context.create();
             Socket socket = ctx.socket(SocketType.PUSH)) {
            // @start region="zmq-exception"
            try {
                socket.unbind("tcp://127.0.0.1:1");   // never bound
            } catch (ContextTerminatedException e) {
                return "stopping";                     // the context is shutting down: leave the loop
            } catch (ZmqException e) {
                return "failed: " + e.errno();        // failed: ENOENT (e.getMessage() says more)
            }
            // @end
            return "no exception";
        }
    }
}
