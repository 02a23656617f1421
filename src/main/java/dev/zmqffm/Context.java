package dev.zmqffm;

import dev.zmqffm.internal.FileDescriptors;
import dev.zmqffm.internal.LibZmq;
import dev.zmqffm.internal.NativeLibrary;
import dev.zmqffm.internal.Warnings;
import dev.zmqffm.internal.jfr.Events;
import dev.zmqffm.internal.raw.zmq_h;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A ZeroMQ context: the I/O threads and the sockets that share them.
 *
 * {@snippet class=dev.zmqffm.snippets.CoreSnippets region=context}
 *
 * <p><b>Threads.</b> A context may be used from any number of threads. Its sockets may not be
 * used by two threads at once (see {@link Socket}).
 *
 * <p><b>Closing never hangs with the defaults.</b> libzmq's own default linger is infinite, which
 * makes {@code zmq_ctx_term} wait forever for messages that cannot be delivered — the most
 * reported problem in every ZeroMQ binding. Here every socket is created with a finite linger,
 * {@link #DEFAULT_LINGER} (500 ms) unless changed with {@link #setDefaultLinger(Duration)} or per
 * socket with {@link SocketOptions#LINGER}. {@link #close()} then:
 * <ol>
 *   <li>shuts the context down, so every call blocked in one of its sockets, in any thread,
 *       returns at once with {@link ContextTerminatedException} (virtual threads parked waiting
 *       for a socket are woken for it too);</li>
 *   <li>closes every socket still open, waiting for each to be idle (never calling
 *       {@code zmq_close} on a socket another thread is inside — that aborts the process);</li>
 *   <li>terminates the context, which waits at most the sockets' linger.</li>
 * </ol>
 * A socket closed this way throws {@link ContextTerminatedException} from any later call, so
 * worker loops end the same way whether the context was shut down or closed.
 *
 * <p><b>Pending inproc connects.</b> libzmq terminates a context by binding a PAIR socket to every
 * {@code inproc://} endpoint that was connected but never bound, and aborts the process if it
 * cannot (no free socket, or a closing REP peer). Here such connects are resolved while their
 * sockets are still open — when a socket that waits alone for its endpoint closes or
 * disconnects, and for all of them before the context shuts down — by one spare socket per
 * context, created with its first inproc connect (so it counts against
 * {@link ContextOptions#MAX_SOCKETS}); whatever those sockets still send there is discarded, as
 * it had no receiver. A socket closed while others wait for the same endpoint keeps its libzmq
 * socket until that endpoint is bound or the context shuts down.
 *
 * <p>{@link #shutdown()} is the first step alone: use it from a signal handler or a supervising
 * thread to make workers leave their loops and close their own sockets.
 *
 * <p>Contexts are not closed by the garbage collector: terminating a context may wait for its
 * sockets, which must never happen on a cleaner thread. Use try-with-resources.
 */
public final class Context implements AutoCloseable {
    /** The linger given to every new socket unless changed: 500 ms. */
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(500);

    private static final int OPEN = 0;
    private static final int SHUT_DOWN = 1;
    private static final int CLOSING = 2;
    private static final int CLOSED = 3;

    private final Object lock = new Object();
    private final Arena arena;
    private final MemorySegment handle;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    /** Readers of monitors whose socket closed before they could be stopped ({@link SocketMonitor#orphaned()}). */
    private final List<Socket> monitorOrphans = new ArrayList<>();
    private int state = OPEN;
    private boolean started;
    private volatile int lingerMillis = (int) DEFAULT_LINGER.toMillis();
    private final ThreadOptions threadOptions = new ThreadOptions();
    /**
     * IO_THREADS as libzmq holds it: its default until a {@link #set} succeeds (libzmq stores the
     * value given as is). Kept here so starting the context needs no {@code zmq_ctx_get}, a C
     * signature of its own: one more downcall stub on every process's first socket. Guarded by lock.
     */
    private int ioThreads = zmq_h.ZMQ_IO_THREADS_DFLT();
    private final InprocConnects inproc;
    /** Relates this context's JFR events. */
    private final long id = Events.newId();
    /** For the linger warning: {end (System.nanoTime), linger ms} of lingers not over. Guarded by lock. */
    private final List<long[]> lingers = new ArrayList<>();
    /** libzmq's linger ends a little after the deadline taken before zmq_close: allowed lateness. */
    private static final long LINGER_END_SLACK_NANOS = 100_000_000;

    private Context(Arena arena, MemorySegment handle) {
        this.arena = arena;
        this.handle = handle;
        this.inproc = new InprocConnects(handle);
        Events.contextCreated(id);
    }

    /**
     * Creates a context with one I/O thread.
     *
     * @return an open context; close it when done, it owns native threads
     * @throws ZmqException if libzmq cannot create one (e.g. {@link Errno#EMFILE})
     * @throws UnsatisfiedLinkError if libzmq cannot be loaded (the message says what was tried)
     */
    public static Context create() {
        NativeLibrary.lookup();
        Arena arena = Arena.ofShared();
        try {
            MemorySegment capture = arena.allocate(LibZmq.CAPTURE_LAYOUT);
            MemorySegment raw = LibZmq.zmq_ctx_new(capture);
            if (raw.equals(MemorySegment.NULL)) {
                throw Failures.of("zmq_ctx_new", capture);
            }
            // The handle lives in the context's arena: once closed, any use throws before native code.
            return new Context(arena, raw.reinterpret(arena, null));
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    /**
     * Creates a context with {@code ioThreads} I/O threads.
     *
     * @param ioThreads at least 0 (0 is only useful for {@code inproc://})
     * @return an open context; close it when done
     * @throws IllegalArgumentException if {@code ioThreads} is negative
     * @throws ZmqException if libzmq cannot create the context or rejects the thread count
     */
    public static Context create(int ioThreads) {
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must be >= 0: " + ioThreads);
        }
        Context ctx = create();
        try {
            ctx.set(ContextOptions.IO_THREADS, ioThreads);
            return ctx;
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /**
     * Creates a socket of the given type, with this context's {@linkplain #defaultLinger()
     * default linger}.
     *
     * @param type the socket's ZeroMQ pattern role
     * @return an open socket, owned by the calling thread until it hands it over
     * @throws ContextTerminatedException if the context was shut down
     * @throws IllegalStateException if the context is closed
     * @throws ZmqException e.g. {@link Errno#EMFILE} when the socket limit is reached, or when
     *         the process has too few file descriptors left to start the context's threads; or,
     *         for the first socket, when the context's thread options cannot be applied (libzmq
     *         would abort: see {@link ContextOptions#THREAD_SCHED_POLICY})
     */
    public Socket socket(SocketType type) {
        Objects.requireNonNull(type, "type");
        synchronized (lock) {
            checkOpen("socket");
            closeStoppedOrphans();
            // Creation and registration happen under the lock so close() can never miss a socket
            // (a socket it did not close would make zmq_ctx_term wait forever).
            if (!started) {
                checkDescriptorsToStart();
                threadOptions.checkStartable();
            }
            try (Arena call = Arena.ofConfined()) {
                MemorySegment capture = call.allocate(LibZmq.CAPTURE_LAYOUT);
                MemorySegment raw = LibZmq.zmq_socket(capture, handle, type.code());
                if (raw.equals(MemorySegment.NULL)) {
                    throw Failures.of("zmq_socket", capture);
                }
                started = true;
                long socketId = Events.newId();
                Socket socket = new Socket(this, raw, type, socketId);
                sockets.add(socket);
                Events.socketOpened(id, socketId, type.name());
                try {
                    socket.set(SocketOptions.LINGER, defaultLinger());
                    SocketChecks.onCreate(socket);
                } catch (RuntimeException e) {
                    socket.close();
                    throw e;
                }
                return socket;
            }
        }
    }

    /**
     * The first socket starts the context: a reaper thread and the I/O threads, each with an
     * event descriptor and an {@code epoll} (or {@code kqueue}) descriptor. libzmq asserts that
     * the latter could be created, so with too few descriptors left the process would abort;
     * refuse with EMFILE instead, keeping a small margin for files other threads open meanwhile.
     */
    private void checkDescriptorsToStart() {
        long available = FileDescriptors.available();
        if (available == FileDescriptors.UNKNOWN) {
            return;
        }
        long needed = 2L * (ioThreads + 1) + 1 + 2;
        if (available < needed) {
            throw new ZmqException("zmq_socket", Errno.EMFILE.code(), "too many open files: starting this context "
                    + "needs " + needed + " free file descriptors and only " + available + " are left "
                    + "(libzmq would abort the process)");
        }
    }

    /** {@return the linger new sockets get: {@link #DEFAULT_LINGER} unless changed} */
    public Duration defaultLinger() {
        return lingerMillis < 0 ? SocketOptions.INFINITE : Duration.ofMillis(lingerMillis);
    }

    /**
     * Sets the linger given to sockets created from now on. {@link SocketOptions#INFINITE} restores
     * libzmq's own behaviour, where closing the context can wait forever for unsent messages.
     *
     * @param linger zero or more (rounded up to whole milliseconds), or
     *         {@link SocketOptions#INFINITE}
     * @throws IllegalArgumentException if {@code linger} is negative and not {@code INFINITE}
     */
    public void setDefaultLinger(Duration linger) {
        lingerMillis = OptionCodec.millis(linger, "linger");
    }

    /**
     * Sets a context option.
     *
     * @param <T> the option's value type
     * @param option one of {@link ContextOptions}, or an
     *         {@linkplain ContextOption#unchecked unchecked} option
     * @param value the new value
     * @throws UnsupportedOperationException if the option is read-only, or a thread option on a
     *         platform where it cannot be checked (see {@link ContextOptions})
     * @throws IllegalArgumentException for a value libzmq would accept and later abort on
     * @throws ZmqException if libzmq rejects the value
     */
    public <T> void set(ContextOption<T> option, T value) {
        option.checkWritable();
        int raw = option.encode(value);
        synchronized (lock) {
            checkNotClosed();
            try (Arena call = Arena.ofConfined()) {
                MemorySegment capture = call.allocate(LibZmq.CAPTURE_LAYOUT);
                if (LibZmq.zmq_ctx_set(capture, handle, option.id(), raw) != 0) {
                    throw Failures.of("zmq_ctx_set(" + option + ")", capture);
                }
                threadOptions.record(option, raw);
                if (option == ContextOptions.IO_THREADS) {
                    ioThreads = raw;
                }
            }
        }
    }

    /**
     * Reads a context option.
     *
     * @param <T> the option's value type
     * @param option one of {@link ContextOptions}, or an
     *         {@linkplain ContextOption#unchecked unchecked} option
     * @return the option's current value
     * @throws UnsupportedOperationException if the option is write-only
     * @throws ZmqException if libzmq rejects the option
     */
    public <T> T get(ContextOption<T> option) {
        option.checkReadable();
        synchronized (lock) {
            checkNotClosed();
            try (Arena call = Arena.ofConfined()) {
                MemorySegment capture = call.allocate(LibZmq.CAPTURE_LAYOUT);
                int raw = LibZmq.zmq_ctx_get(capture, handle, option.id());
                if (option.failed(raw)) {
                    throw Failures.of("zmq_ctx_get(" + option + ")", capture);
                }
                return option.decode(raw);
            }
        }
    }

    /**
     * Shuts the context down: every call blocked in one of its sockets, in any thread, returns at
     * once with {@link ContextTerminatedException}, and so does every later call except
     * {@code close()}. Sockets stay open until their owners (or {@link #close()}) close them.
     * Idempotent; safe from any thread, including a signal handler.
     */
    public void shutdown() {
        synchronized (lock) {
            if (state == OPEN) {
                inproc.seal();
                nativeShutdown();
                state = SHUT_DOWN;
            }
        }
    }

    /** {@return whether {@link #shutdown()} or {@link #close()} has been called} */
    public boolean isShutdown() {
        synchronized (lock) {
            return state != OPEN;
        }
    }

    /**
     * Shuts down, closes every socket still open and terminates the context. Idempotent. Returns
     * within the sockets' linger (500 ms by default) even when other threads are blocked in
     * sockets of this context: they get {@link ContextTerminatedException}.
     */
    @Override
    public void close() {
        Object closing = Events.beginContextClose();
        synchronized (lock) {
            if (state >= CLOSING) {
                return;
            }
            if (state == OPEN) {
                inproc.seal();
                nativeShutdown();
            }
            state = CLOSING;
        }
        // No new socket can appear now; close the remaining ones once their users have left.
        List<Socket> open = new ArrayList<>(sockets);
        if (!open.isEmpty()) {
            Warnings.contextClosedWithOpenSockets(toString(), open.size());
        }
        // Security hook: the ZAP handler's socket closes last (a handshake writing to a handler
        // that is gone makes libzmq abort).
        Authenticator auth = authenticator.get();
        if (auth != null) {
            open.sort(java.util.Comparator.comparing(auth::isHandlerSocket));
        }
        for (Socket socket : open) {
            socket.closeForContext();
        }
        inproc.closeResolver();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment capture = call.allocate(LibZmq.CAPTURE_LAYOUT);
            long start = System.nanoTime();
            int rc;
            do {
                rc = LibZmq.zmq_ctx_term(capture, handle);
            } while (Retry.again(rc, capture, "zmq_ctx_term"));
            long end = System.nanoTime();
            warnIfLingerExpired(start, end);
            Events.contextClosed(closing, id, open.size(), lingerMillis < 0 ? Events.NO_LIMIT : lingerMillis);
        } finally {
            synchronized (lock) {
                state = CLOSED;
            }
            arena.close();
            if (auth != null) {
                auth.contextClosed();
            }
        }
    }

    /** {@return whether {@link #close()} has completed} */
    public boolean isClosed() {
        synchronized (lock) {
            return state == CLOSED;
        }
    }

    /** {@return how many sockets of this context are still open} */
    public int openSockets() {
        return sockets.size();
    }

    // --- security hook (Authenticator): at most one ZAP handler per context ---------------------
    private final java.util.concurrent.atomic.AtomicReference<Authenticator> authenticator =
            new java.util.concurrent.atomic.AtomicReference<>();

    boolean attachAuthenticator(Authenticator a) {
        return authenticator.compareAndSet(null, a);
    }

    void detachAuthenticator(Authenticator a) {
        authenticator.compareAndSet(a, null);
    }

    /** The authenticator running in this context, or null. */
    Authenticator authenticator() {
        return authenticator.get();
    }

    /** Keeps {@code reader} open until its monitor's MONITOR_STOPPED arrived (or this context closes). */
    void adoptMonitorReader(Socket reader) {
        synchronized (lock) {
            monitorOrphans.add(reader);
        }
    }

    /** Closes the orphaned monitor readers whose stop arrived; called with each new socket. */
    private void closeStoppedOrphans() {
        // A loop, not removeIf with a lambda: this runs with every socket created, the first
        // round trip's included, where each lambda costs startup time.
        for (Iterator<Socket> it = monitorOrphans.iterator(); it.hasNext(); ) {
            Socket reader = it.next();
            if (reader.isClosed() || SocketMonitor.stoppedEventQueued(reader)) {
                reader.close();
                it.remove();
            }
        }
    }

    /** The tracker of this context's inproc connects (see {@link InprocConnects}). */
    InprocConnects inproc() {
        return inproc;
    }

    /**
     * A socket of this context closed at {@code closedAt} ({@link System#nanoTime()}, taken
     * before {@code zmq_close}), with its linger ({@code -1}: infinite, 0: none).
     */
    void forget(Socket socket, int lingerMillis, long closedAt) {
        sockets.remove(socket);
        if (lingerMillis > 0) {
            synchronized (lock) {
                // A loop, not removeIf with a lambda: every process's first close runs this.
                for (Iterator<long[]> it = lingers.iterator(); it.hasNext(); ) {
                    if (it.next()[0] - closedAt < 0) {
                        it.remove();
                    }
                }
                lingers.add(new long[] {closedAt + lingerMillis * 1_000_000L, lingerMillis});
            }
        }
    }

    /**
     * {@code zmq_ctx_term} waits for queued messages until they are sent or the linger of their
     * socket ends. If it returned just as a linger ended, having waited for it, that socket
     * still had messages queued, and they were dropped.
     */
    private void warnIfLingerExpired(long termStart, long termEnd) {
        long linger = 0;
        long latest = termEnd - LINGER_END_SLACK_NANOS;
        synchronized (lock) {
            for (long[] l : lingers) {
                // The linger that ended last before the wait did is the one the wait ended with.
                if (l[0] - termStart > 0 && termEnd - l[0] >= 0 && l[0] - latest > 0) {
                    latest = l[0];
                    linger = l[1];
                }
            }
        }
        if (linger > 0) {
            Warnings.lingerExpired(toString(), (termEnd - termStart) / 1_000_000, linger);
        }
    }

    private void nativeShutdown() {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment capture = call.allocate(LibZmq.CAPTURE_LAYOUT);
            if (LibZmq.zmq_ctx_shutdown(capture, handle) != 0) {
                throw Failures.of("zmq_ctx_shutdown", capture);
            }
        }
    }

    private void checkOpen(String what) {
        checkNotClosed();
        if (state != OPEN) {
            throw new ContextTerminatedException(what, Errno.ETERM.code(), "context was shut down");
        }
    }

    private void checkNotClosed() {
        if (state >= CLOSING) {
            throw new IllegalStateException("context is closed");
        }
    }

    @Override
    public String toString() {
        return "Context[" + (isClosed() ? "closed" : isShutdown() ? "shut down" : "open")
                + ", sockets=" + sockets.size() + "]";
    }
}
