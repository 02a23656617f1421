package dev.zmqffm;

import dev.zmqffm.internal.LibZmq;
import dev.zmqffm.internal.PollItems;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Waits for several sockets and file descriptors at once ({@code zmq_poll}).
 *
 * <pre>{@code
 * try (Poller poller = new Poller()) {
 *     int jobs = poller.register(jobsSocket, PollEvent.IN);
 *     int control = poller.register(controlSocket, PollEvent.IN);
 *     while (running) {
 *         if (poller.poll(Duration.ofSeconds(1)) == 0) {
 *             continue;                                   // timed out
 *         }
 *         if (poller.isReadable(jobs)) {
 *             handle(jobsSocket.receiveBytes(ReceiveFlags.DONT_WAIT));
 *         }
 *         if (poller.isReadable(control)) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>Registrations are numbered in order and keep their number. The native
 * {@code zmq_pollitem_t} array is allocated once (and again only when it grows), so polling
 * allocates nothing in steady state.
 *
 * <p><b>Closed sockets.</b> A registered socket that has been closed is skipped automatically:
 * its slot stays, never reports readiness, and {@link #unregister(int)} frees it. While
 * {@link #poll(Duration)} runs, the registered sockets count as in use by the polling thread,
 * so another thread cannot use or close them then (it gets {@link IllegalStateException}).
 * {@link Context#shutdown()} makes a blocked poll throw {@link ContextTerminatedException}.
 *
 * <p>A poller is not thread-safe; use it from one thread at a time.
 */
public final class Poller implements AutoCloseable {
    private Arena arena = Arena.ofShared();
    private MemorySegment items;
    private MemorySegment capture = arena.allocate(LibZmq.CAPTURE_LAYOUT);
    private Socket[] sockets = new Socket[8];
    private long[] fds = new long[8];
    private short[] events = new short[8];
    private boolean[] used = new boolean[8];
    private boolean[] entered = new boolean[8];
    private int count;
    private boolean closed;

    /** An empty poller. */
    public Poller() {
        items = PollItems.allocate(arena, sockets.length);
    }

    /** Registers a socket for one kind of readiness; returns its index. */
    public int register(Socket socket, PollEvent event) {
        return register(socket, EnumSet.of(event));
    }

    /** Registers a socket for readiness events; returns its index. */
    public int register(Socket socket, Set<PollEvent> events) {
        Objects.requireNonNull(socket, "socket");
        if (socket.isClosed()) {
            throw new IllegalStateException("socket is closed");
        }
        return add(socket, -1, events);
    }

    /**
     * Registers a raw file descriptor (a pipe, a TCP socket of another library, …) for
     * readiness events; returns its index.
     */
    public int register(long fd, Set<PollEvent> events) {
        if (fd < 0) {
            throw new IllegalArgumentException("file descriptor must not be negative: " + fd);
        }
        return add(null, fd, events);
    }

    private int add(Socket socket, long fd, Set<PollEvent> wanted) {
        checkOpen();
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("no events to poll for");
        }
        if (count == sockets.length) {
            grow();
        }
        int i = count++;
        sockets[i] = socket;
        fds[i] = fd;
        events[i] = (short) PollEvent.bits(wanted);
        used[i] = true;
        return i;
    }

    /** Changes the events polled for at {@code index}. */
    public void modify(int index, Set<PollEvent> wanted) {
        checkIndex(index);
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("no events to poll for");
        }
        events[index] = (short) PollEvent.bits(wanted);
    }

    /** Stops polling the socket or descriptor at {@code index}; the index is not reused. */
    public void unregister(int index) {
        checkIndex(index);
        used[index] = false;
        sockets[index] = null;
    }

    /** Number of registrations made (including ones since unregistered). */
    public int size() {
        return count;
    }

    /**
     * Waits until at least one registration is ready or {@code timeout} passes;
     * {@link Duration#ZERO} checks without waiting, {@link SocketOptions#INFINITE} waits without
     * limit. Interrupting signals are absorbed: the wait continues for the remaining time.
     *
     * @return the number of ready registrations, 0 on timeout
     * @throws IllegalStateException if a registered socket is in use by another thread
     * @throws ContextTerminatedException if a registered socket's context was shut down
     */
    public int poll(Duration timeout) {
        checkOpen();
        boolean forever = timeout.equals(SocketOptions.INFINITE);
        if (!forever && timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        long deadline = forever ? 0 : System.nanoTime() + saturatedNanos(timeout);
        try {
            prepare();
            while (true) {
                long millis;
                if (forever) {
                    millis = -1;
                } else {
                    long remaining = deadline - System.nanoTime();
                    millis = remaining <= 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(remaining + 999_999);
                }
                int rc = LibZmq.zmq_poll(capture, items, count, millis);
                if (rc >= 0) {
                    return rc;
                }
                int code = LibZmq.errno(capture);
                if (!Failures.isInterrupted(code)) {
                    throw Failures.of("zmq_poll", code);
                }
            }
        } finally {
            release();
        }
    }

    /** The events that were ready at {@code index} after the last {@link #poll(Duration)}. */
    public Set<PollEvent> readyEvents(int index) {
        checkIndex(index);
        return PollEvent.decode(PollItems.revents(items, index));
    }

    /** Whether the registration at {@code index} was readable after the last poll. */
    public boolean isReadable(int index) {
        checkIndex(index);
        return (PollItems.revents(items, index) & PollItems.POLLIN) != 0;
    }

    /** Whether the registration at {@code index} was writable after the last poll. */
    public boolean isWritable(int index) {
        checkIndex(index);
        return (PollItems.revents(items, index) & PollItems.POLLOUT) != 0;
    }

    /** Whether the registration at {@code index} reported an error after the last poll. */
    public boolean hasError(int index) {
        checkIndex(index);
        return (PollItems.revents(items, index) & PollItems.POLLERR) != 0;
    }

    /** Releases the native item array. Idempotent. Registered sockets are not closed. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            arena.close();
        }
    }

    /** Fills the item array and marks every live registered socket as in use. */
    private void prepare() {
        for (int i = 0; i < count; i++) {
            Socket s = sockets[i];
            PollItems.setEvents(items, i, events[i]);
            if (!used[i] || (s != null && !s.tryEnter())) {
                if (s != null && !s.isClosed()) {
                    throw new IllegalStateException("registered socket " + i
                            + " is in use by another thread");
                }
                // Unregistered or closed: an inert slot (libzmq ignores negative descriptors).
                PollItems.setSocket(items, i, MemorySegment.NULL);
                PollItems.setFd(items, i, -1);
                continue;
            }
            entered[i] = s != null;
            PollItems.setSocket(items, i, s == null ? MemorySegment.NULL : s.handle());
            PollItems.setFd(items, i, s == null ? fds[i] : 0);
        }
    }

    private void release() {
        for (int i = 0; i < count; i++) {
            if (entered[i]) {
                entered[i] = false;
                sockets[i].exit();
            }
        }
    }

    private void grow() {
        int n = sockets.length * 2;
        sockets = Arrays.copyOf(sockets, n);
        fds = Arrays.copyOf(fds, n);
        events = Arrays.copyOf(events, n);
        used = Arrays.copyOf(used, n);
        entered = Arrays.copyOf(entered, n);
        Arena bigger = Arena.ofShared();
        MemorySegment newItems = PollItems.allocate(bigger, n);
        MemorySegment newCapture = bigger.allocate(LibZmq.CAPTURE_LAYOUT);
        arena.close();
        arena = bigger;
        items = newItems;
        capture = newCapture;
    }

    private void checkIndex(int index) {
        checkOpen();
        Objects.checkIndex(index, count);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("poller is closed");
        }
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }
}
