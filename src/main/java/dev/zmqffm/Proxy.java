package dev.zmqffm;

import dev.zmqffm.internal.LibZmq;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Forwards messages between two sockets on a thread this class manages
 * ({@code zmq_proxy_steerable}), optionally copying everything to a capture socket.
 *
 * {@snippet class=dev.zmqffm.snippets.MessagingSnippets region=proxy}
 *
 * <p>While the proxy runs, its sockets are in use by the proxy thread: any other use throws
 * {@link IllegalStateException}. After {@link #terminate()} they are free again and still owned
 * by the caller. Control goes over a private {@code inproc://} PAIR connection.
 * {@link Context#shutdown()} or {@link Context#close()} also ends the proxy.
 *
 * <p>All sockets of a proxy must belong to one context: a proxy stuck in a send to another
 * context's socket could not be ended by closing the first context, whose {@code close()}
 * would then wait for it forever.
 */
public final class Proxy implements AutoCloseable {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final Duration JOIN_LIMIT = Duration.ofSeconds(5);

    /**
     * Message and byte counts since the proxy started ({@code STATISTICS}).
     *
     * @param frontendMessagesIn messages received on the frontend
     * @param frontendBytesIn bytes received on the frontend
     * @param frontendMessagesOut messages sent on the frontend
     * @param frontendBytesOut bytes sent on the frontend
     * @param backendMessagesIn messages received on the backend
     * @param backendBytesIn bytes received on the backend
     * @param backendMessagesOut messages sent on the backend
     * @param backendBytesOut bytes sent on the backend
     */
    public record Statistics(long frontendMessagesIn, long frontendBytesIn, long frontendMessagesOut,
                             long frontendBytesOut, long backendMessagesIn, long backendBytesIn,
                             long backendMessagesOut, long backendBytesOut) {
    }

    private final Socket[] proxied;
    private final Socket controlServer;
    private final Socket controlClient;
    private final Thread thread;
    private volatile RuntimeException failure;
    private boolean terminated;

    private Proxy(Socket[] proxied, Socket controlServer, Socket controlClient) {
        this.proxied = proxied;
        this.controlServer = controlServer;
        this.controlClient = controlClient;
        this.thread = new Thread(this::run, "zmq-proxy-" + COUNTER.get());
        this.thread.setDaemon(true);
    }

    /**
     * Starts a proxy between {@code frontend} and {@code backend}.
     *
     * @param frontend one side, e.g. a ROUTER clients connect to
     * @param backend the other side, e.g. a DEALER workers connect to
     * @return the running proxy; the sockets are its own until it stops
     * @throws IllegalStateException if a socket is closed or in use by another thread
     * @throws IllegalArgumentException if the sockets are the same or not of one context
     */
    public static Proxy start(Socket frontend, Socket backend) {
        return start(frontend, backend, null);
    }

    /**
     * Starts a proxy, copying every message to {@code capture} if it is not {@code null}.
     *
     * @param frontend one side, e.g. a ROUTER clients connect to
     * @param backend the other side, e.g. a DEALER workers connect to
     * @param capture gets a copy of every message in both directions, or {@code null}
     * @return the running proxy; the sockets are its own until it stops
     * @throws IllegalStateException if a socket is closed or in use by another thread
     * @throws IllegalArgumentException if the sockets are not all of one context
     */
    public static Proxy start(Socket frontend, Socket backend, @Nullable Socket capture) {
        Objects.requireNonNull(frontend, "frontend");
        Objects.requireNonNull(backend, "backend");
        if (frontend == backend || frontend == capture || backend == capture) {
            throw new IllegalArgumentException("frontend, backend and capture must be different sockets");
        }
        Context ctx = frontend.context();
        if (backend.context() != ctx || (capture != null && capture.context() != ctx)) {
            throw new IllegalArgumentException("a proxy's sockets must all belong to one context: "
                    + "closing one context could not end a proxy blocked on another's socket");
        }
        String endpoint = "inproc://zmqffm-proxy-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Socket server = ctx.socket(SocketType.PAIR);
        Socket client = null;
        List<Socket> entered = new ArrayList<>();
        try {
            server.bind(endpoint);
            client = ctx.socket(SocketType.PAIR);
            client.set(SocketOptions.LINGER, Duration.ZERO);
            client.connect(endpoint);
            Socket[] all = capture == null
                    ? new Socket[] {frontend, backend, server}
                    : new Socket[] {frontend, backend, server, capture};
            // Claim every socket now, on the caller's thread, so misuse fails here and not later.
            for (Socket s : all) {
                s.guard().enter();
                entered.add(s);
            }
            for (Socket s : all) {
                // zmq_proxy moves frames between the sockets, zero-copy ones included.
                s.engine().markUpcalls();
            }
            Proxy proxy = new Proxy(all, server, client);
            proxy.thread.start();
            return proxy;
        } catch (RuntimeException e) {
            entered.forEach(s -> s.guard().exit());
            if (client != null) {
                client.close();
            }
            server.close();
            throw e;
        }
    }

    private void run() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(LibZmq.CAPTURE_LAYOUT);
            MemorySegment captureSocket = proxied.length == 4 ? proxied[3].handle() : MemorySegment.NULL;
            // Returns 0 after TERMINATE; a shut-down context ends it with ETERM.
            Retry.untilDone(ignored -> LibZmq.zmq_proxy_steerable(capture, proxied[0].handle(),
                    proxied[1].handle(), captureSocket, controlServer.handle()), capture, "zmq_proxy_steerable");
        } catch (ContextTerminatedException e) {
            // ended by Context.shutdown() or close(): not a failure
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            for (Socket s : proxied) {
                s.guard().exit();
            }
        }
    }

    /** {@return whether the proxy thread is still forwarding (or paused)} */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * {@return why the proxy stopped, if it stopped on an error rather than by request or shutdown}
     */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Stops forwarding; messages wait in the sockets' queues. */
    public synchronized void pause() {
        command("PAUSE");
    }

    /** Resumes forwarding after {@link #pause()}. */
    public synchronized void resume() {
        command("RESUME");
    }

    /** {@return the proxy's message and byte counters} */
    public synchronized Statistics statistics() {
        command("STATISTICS");
        List<byte[]> frames = controlClient.receiveMultipart(JOIN_LIMIT)
                .orElseThrow(() -> new IllegalStateException("the proxy did not answer STATISTICS"));
        if (frames.size() != 8) {
            throw new IllegalStateException("STATISTICS reply has " + frames.size() + " frames, expected 8");
        }
        long[] v = new long[8];
        for (int i = 0; i < 8; i++) {
            v[i] = ByteBuffer.wrap(frames.get(i)).order(ByteOrder.nativeOrder()).getLong();
        }
        return new Statistics(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /**
     * Stops the proxy and waits for its thread (at most a few seconds; the thread is a daemon).
     * Idempotent; also fine after the context was shut down.
     */
    public synchronized void terminate() {
        if (terminated) {
            return;
        }
        terminated = true;
        if (thread.isAlive()) {
            try {
                controlClient.send("TERMINATE", JOIN_LIMIT);
            } catch (ContextTerminatedException | IllegalStateException e) {
                // the context is shutting down: the proxy returns with ETERM by itself
            }
        }
        join();
        controlClient.close();
        controlServer.close();
    }

    /** Same as {@link #terminate()}. */
    @Override
    public void close() {
        terminate();
    }

    private void command(String name) {
        if (terminated) {
            throw new IllegalStateException("proxy is terminated");
        }
        if (!thread.isAlive()) {
            throw new IllegalStateException("proxy is not running", failure);
        }
        if (!controlClient.send(name, JOIN_LIMIT)) {
            throw new IllegalStateException("the proxy did not take the " + name + " command");
        }
    }

    private void join() {
        try {
            thread.join(TimeUnit.MILLISECONDS.convert(JOIN_LIMIT));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
