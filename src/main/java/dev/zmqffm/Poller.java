package dev.zmqffm;

import dev.zmqffm.internal.Epoll;
import dev.zmqffm.internal.LibZmq;
import dev.zmqffm.internal.PollItems;
import dev.zmqffm.internal.Reactor;
import dev.zmqffm.internal.jfr.Events;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for several sockets and file descriptors at once ({@code zmq_poll}).
 *
 * {@snippet class=dev.zmqffm.snippets.MessagingSnippets region=poller}
 *
 * <p>Registrations are numbered; a number stays valid until {@link #unregister(int)}, and is
 * then given to the next registration, so a loop that registers and unregisters does not grow
 * the poller. The native {@code zmq_pollitem_t} array is allocated once (and again only when it
 * grows), so polling allocates nothing in steady state.
 *
 * <p><b>Waiting.</b> On a platform thread {@link #poll(Duration)} is one blocking
 * {@code zmq_poll}. On a virtual thread it never blocks in native code: it checks with a
 * non-blocking {@code zmq_poll}, then parks until one of the descriptors signals (the sockets'
 * {@code ZMQ_FD}s and the raw descriptors, watched by the binding's reactor thread), and checks
 * again — so it does not pin its carrier, and {@link Thread#interrupt()} ends it with
 * {@link OperationInterruptedException}. A platform thread that is interrupted before the poll
 * would wait gets the same exception; once inside {@code zmq_poll} it cannot be interrupted.
 *
 * <p><b>Closed sockets.</b> A registered socket that has been closed is skipped automatically:
 * its slot stays, never reports readiness, and {@link #unregister(int)} frees it. If it was
 * closed by its context ({@link Context#close()}), {@code poll} throws
 * {@link ContextTerminatedException}, as a call on that socket would. While
 * {@link #poll(Duration)} runs, the registered sockets count as in use by the polling thread,
 * so another thread cannot use or close them then (it gets {@link IllegalStateException}).
 * {@link Context#shutdown()} makes a blocked poll throw {@link ContextTerminatedException}. A
 * poll without limit over nothing at all (every registration unregistered or closed) would never
 * return: it throws {@link IllegalStateException} instead.
 *
 * <p>A poller is not thread-safe: a call made while another thread is inside it (typically
 * polling) throws {@link IllegalStateException}.
 */
public final class Poller implements AutoCloseable {
    private final UseGuard guard = new UseGuard("poller");
    private final Retry.Call platformStep = this::platformStep;
    private final Retry.Call virtualStep = this::virtualStep;
    private Arena arena = Arena.ofShared();
    private MemorySegment items;
    private MemorySegment capture = arena.allocate(LibZmq.CAPTURE_LAYOUT);
    private Socket[] sockets = new Socket[8];
    private long[] fds = new long[8];
    private short[] events = new short[8];
    private boolean[] used = new boolean[8];
    private boolean[] entered = new boolean[8];
    private int[] armed = new int[8];
    /** Slots in the item array: the highest registration number ever in use, plus one. */
    private int count;
    private int live;

    /** An empty poller. */
    public Poller() {
        items = PollItems.allocate(arena, sockets.length);
    }

    /**
     * Registers a socket for one kind of readiness; returns its number.
     *
     * @param socket an open socket; the poller does not own it
     * @param event the readiness to wait for
     * @return the registration's number, for {@link #isReadable} and the other queries
     * @throws IllegalStateException if {@code socket} is closed
     */
    public int register(Socket socket, PollEvent event) {
        return register(socket, EnumSet.of(event));
    }

    /**
     * Registers a socket for readiness events; returns its number.
     *
     * @param socket an open socket; the poller does not own it
     * @param events the readiness to wait for; not empty
     * @return the registration's number, for {@link #readyEvents} and the other queries
     * @throws IllegalStateException if {@code socket} is closed
     * @throws IllegalArgumentException if {@code events} is empty
     */
    public int register(Socket socket, Set<PollEvent> events) {
        Objects.requireNonNull(socket, "socket");
        if (socket.isClosed()) {
            throw new IllegalStateException("socket is closed");
        }
        return add(socket, -1, events);
    }

    /**
     * Registers a raw file descriptor (a pipe, a TCP socket of another library, …) for
     * readiness events; returns its number.
     *
     * @param fd the descriptor, 0 or more; the poller does not own it
     * @param events the readiness to wait for; not empty
     * @return the registration's number, for {@link #readyEvents} and the other queries
     * @throws IllegalArgumentException if {@code fd} is negative or {@code events} is empty
     */
    public int register(long fd, Set<PollEvent> events) {
        if (fd < 0) {
            throw new IllegalArgumentException("file descriptor must not be negative: " + fd);
        }
        return add(null, fd, events);
    }

    private int add(Socket socket, long fd, Set<PollEvent> wanted) {
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("no events to poll for");
        }
        guard.enter();
        try {
            int i = 0;
            while (i < count && used[i]) {
                i++;
            }
            if (i == sockets.length) {
                grow();
            }
            count = Math.max(count, i + 1);
            sockets[i] = socket;
            fds[i] = fd;
            events[i] = (short) PollEvent.bits(wanted);
            used[i] = true;
            live++;
            return i;
        } finally {
            guard.exit();
        }
    }

    /**
     * Changes the events polled for at {@code index}.
     *
     * @param index a number returned by {@code register} and not unregistered since
     * @param wanted the readiness to wait for from now on; not empty
     * @throws IndexOutOfBoundsException if {@code index} was never returned by {@code register}
     * @throws IllegalArgumentException if {@code wanted} is empty or nothing is registered at
     *         {@code index}
     */
    public void modify(int index, Set<PollEvent> wanted) {
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("no events to poll for");
        }
        guard.enter();
        try {
            checkRegistered(index);
            events[index] = (short) PollEvent.bits(wanted);
        } finally {
            guard.exit();
        }
    }

    /**
     * Stops polling the socket or descriptor at {@code index}; the number may be reused.
     *
     * @param index a number returned by {@code register}
     * @throws IndexOutOfBoundsException if {@code index} was never returned by {@code register}
     * @throws IllegalArgumentException if nothing is registered at {@code index} any more
     */
    public void unregister(int index) {
        guard.enter();
        try {
            checkRegistered(index);
            used[index] = false;
            sockets[index] = null;
            live--;
        } finally {
            guard.exit();
        }
    }

    /** {@return the number of registrations currently in place} */
    public int size() {
        return live;
    }

    /**
     * Waits until at least one registration is ready or {@code timeout} passes;
     * {@link Duration#ZERO} checks without waiting, {@link SocketOptions#INFINITE} (or any
     * duration too long to count in nanoseconds) waits without limit. Interrupting signals are
     * absorbed: the wait continues for the remaining time.
     *
     * @param timeout longest wait
     * @return the number of ready registrations, 0 on timeout
     * @throws IllegalStateException if a registered socket is in use by another thread, or the
     *         poll has no limit and nothing to wait for
     * @throws ContextTerminatedException if a registered socket's context was shut down or closed
     * @throws OperationInterruptedException if the thread is interrupted while it would wait
     */
    public int poll(Duration timeout) {
        long limit = Timeouts.nanos(timeout, "timeout");
        guard.enter();
        try {
            int polled = prepare();
            if (polled == 0 && limit >= Timeouts.FOREVER) {
                throw new IllegalStateException("nothing to poll: every registration was unregistered or its "
                        + "socket closed, so an unlimited poll would never return");
            }
            boolean virtual = Thread.currentThread().isVirtual() && limit > 0;
            // A poll that may wait is a JFR event (null unless recorded); poll(ZERO) loops stay free.
            Object wait = limit > 0 ? Events.beginPoll() : null;
            int ready = Math.max(0, Retry.run(virtual ? virtualStep : platformStep, capture, limit, "zmq_poll"));
            Events.endPoll(wait, polled, ready, limit >= Timeouts.FOREVER ? Events.NO_LIMIT : Timeouts.millisRoundedUp(limit));
            return ready;
        } finally {
            releaseSockets();
            guard.exit();
        }
    }

    /**
     * {@return the events that were ready at {@code index} after the last {@link #poll(Duration)}}
     *
     * @param index a registration's number
     */
    public Set<PollEvent> readyEvents(int index) {
        return PollEvent.decode(revents(index));
    }

    /**
     * {@return whether the registration at {@code index} was readable after the last poll}
     *
     * @param index a registration's number
     */
    public boolean isReadable(int index) {
        return (revents(index) & PollItems.POLLIN) != 0;
    }

    /**
     * {@return whether the registration at {@code index} was writable after the last poll}
     *
     * @param index a registration's number
     */
    public boolean isWritable(int index) {
        return (revents(index) & PollItems.POLLOUT) != 0;
    }

    /**
     * {@return whether the registration at {@code index} reported an error after the last poll}
     *
     * @param index a registration's number
     */
    public boolean hasError(int index) {
        return (revents(index) & PollItems.POLLERR) != 0;
    }

    /**
     * Releases the native item array. Idempotent. Registered sockets are not closed.
     *
     * @throws IllegalStateException if another thread is polling
     */
    @Override
    public void close() {
        if (guard.close("wait for its poll to return")) {
            arena.close();
        }
    }

    // --- internals ----------------------------------------------------------------------

    private int platformStep(long remaining) {
        if (remaining > 0 && Thread.currentThread().isInterrupted()) {
            throw new OperationInterruptedException("zmq_poll");
        }
        return LibZmq.zmq_poll(capture, items, count, Timeouts.millisRoundedUp(remaining));
    }

    /**
     * A virtual thread's poll: check without waiting (which also drains each socket's commands),
     * then park until a descriptor signals; every wake-up is a hint, so the loop checks again.
     */
    private int virtualStep(long remaining) {
        int rc = LibZmq.zmq_poll(capture, items, count, 0);
        if (rc != 0 || remaining <= 0) {
            return rc;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new OperationInterruptedException("zmq_poll");
        }
        Reactor reactor = Reactor.instance();
        int n = 0;
        boolean complete = reactor != null;
        try {
            for (int i = 0; i < count && complete; i++) {
                if (!used[i] || (sockets[i] != null && !entered[i])) {
                    continue;
                }
                int fd = sockets[i] != null ? sockets[i].engine().descriptor() : (int) fds[i];
                // A socket's descriptor only ever becomes readable, whichever event is wanted.
                int mask = sockets[i] != null ? Epoll.EPOLLIN : epollMask(events[i]);
                if (reactor.arm(fd, mask, capture)) {
                    armed[n++] = fd;
                } else {
                    complete = false;    // someone else waits for this descriptor
                }
            }
            long park = complete ? remaining : Math.min(remaining, Engine.FALLBACK_SLICE_NANOS);
            if (park >= Timeouts.FOREVER) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, park);
            }
        } finally {
            for (int i = 0; i < n; i++) {
                reactor.disarm(armed[i], capture);
            }
        }
        return Retry.AGAIN;
    }

    private static int epollMask(short pollEvents) {
        int mask = 0;
        if ((pollEvents & PollItems.POLLIN) != 0) {
            mask |= Epoll.EPOLLIN;
        }
        if ((pollEvents & PollItems.POLLOUT) != 0) {
            mask |= Epoll.EPOLLOUT;
        }
        if ((pollEvents & PollItems.POLLPRI) != 0) {
            mask |= 0x002; // EPOLLPRI
        }
        return mask;
    }

    /**
     * Fills the item array and marks every live registered socket as in use by this thread.
     *
     * @return the number of slots that can report anything
     */
    private int prepare() {
        int polled = 0;
        for (int i = 0; i < count; i++) {
            Socket s = sockets[i];
            PollItems.setEvents(items, i, events[i]);
            if (!used[i] || (s != null && !s.guard().tryEnter())) {
                if (s != null && s.guard().isClosedByContext()) {
                    throw new ContextTerminatedException("zmq_poll", Errno.ETERM.code(),
                            "registered socket " + i + " was closed by its context");
                }
                if (s != null && !s.isClosed()) {
                    throw new IllegalStateException("registered socket " + i + " is in use by another thread");
                }
                // Unregistered or closed: an inert slot (libzmq ignores negative descriptors).
                PollItems.setSocket(items, i, MemorySegment.NULL);
                PollItems.setFd(items, i, -1);
                continue;
            }
            entered[i] = s != null;
            polled++;
            PollItems.setSocket(items, i, s == null ? MemorySegment.NULL : s.handle());
            PollItems.setFd(items, i, s == null ? fds[i] : 0);
        }
        return polled;
    }

    private void releaseSockets() {
        for (int i = 0; i < count; i++) {
            if (entered[i]) {
                entered[i] = false;
                sockets[i].guard().exit();
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
        armed = Arrays.copyOf(armed, n);
        Arena bigger = Arena.ofShared();
        MemorySegment newItems = PollItems.allocate(bigger, n);
        MemorySegment newCapture = bigger.allocate(LibZmq.CAPTURE_LAYOUT);
        arena.close();
        arena = bigger;
        items = newItems;
        capture = newCapture;
    }

    private short revents(int index) {
        checkOpen();
        Objects.checkIndex(index, count);
        return PollItems.revents(items, index);
    }

    private void checkRegistered(int index) {
        Objects.checkIndex(index, count);
        if (!used[index]) {
            throw new IllegalArgumentException("nothing is registered at " + index);
        }
    }

    private void checkOpen() {
        if (guard.isClosed()) {
            throw new IllegalStateException("poller is closed");
        }
    }
}
