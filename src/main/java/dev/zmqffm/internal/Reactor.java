package dev.zmqffm.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Where virtual threads wait for libzmq without pinning a carrier: one daemon platform thread in
 * {@code epoll_wait}, started on first use, that maps a ready descriptor to the thread waiting
 * for it and unparks that thread. It touches nothing but descriptors: only the thread that owns a
 * socket ever calls libzmq on it.
 *
 * <pre>{@code
 * Reactor reactor = Reactor.instance();          // null where there is no epoll
 * if (reactor != null && reactor.arm(fd, Epoll.EPOLLIN, capture)) {
 *     try {
 *         LockSupport.parkNanos(remaining);      // unparked when fd is readable, or interrupted
 *     } finally {
 *         reactor.disarm(fd, capture);
 *     }
 * }
 * }</pre>
 *
 * <p>The waiter arms after draining (for a socket: {@code ZMQ_EVENTS}), registering
 * level-triggered and one-shot, so a signal that arrived between the drain and the arming is
 * still reported, and at most one wake-up follows per arming. An unpark that comes before the
 * park leaves a permit, so it is not lost either. Every wake-up is a hint: the waiter re-checks.
 * The registration lives only for one wait ({@link #disarm} removes it): a descriptor not being
 * waited for is never in the set, so a socket can move between threads, and a descriptor number
 * that libzmq closes and the kernel reuses can never wake the wrong thread for long.
 *
 * <p>Linux only. Elsewhere {@link #instance()} is {@code null} and waiters fall back to parking
 * in short slices (see {@code Engine}).
 */
public final class Reactor {
    private static final int EINTR = 4;
    private static final int EEXIST = 17;
    private static final int BATCH = 256;

    private final int epfd;
    private final ConcurrentHashMap<Integer, Thread> waiters = new ConcurrentHashMap<>();

    private static final class Holder {
        static final Reactor INSTANCE = Platform.current() == Platform.LINUX ? start() : null;
    }

    private Reactor(int epfd) {
        this.epfd = epfd;
    }

    /** The reactor, started on first use; {@code null} on platforms without epoll. */
    public static Reactor instance() {
        return Holder.INSTANCE;
    }

    private static Reactor start() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(LibZmq.CAPTURE_LAYOUT);
            int epfd = Epoll.create(capture);
            if (epfd < 0) {
                throw new IllegalStateException("epoll_create1 failed, errno " + LibZmq.errno(capture));
            }
            Reactor reactor = new Reactor(epfd);
            Thread thread = Thread.ofPlatform().daemon().name("zmq-ffm-reactor").unstarted(reactor::run);
            thread.start();
            return reactor;
        }
    }

    /**
     * Registers the calling thread as the one waiting for {@code fd} to report {@code events}
     * ({@link Epoll#EPOLLIN} / {@link Epoll#EPOLLOUT}), one-shot and level-triggered.
     *
     * @return {@code false} if another thread is already waiting for that descriptor (the caller
     *         then waits in slices instead)
     */
    public boolean arm(int fd, int events, MemorySegment capture) {
        Integer key = fd;
        // The mapping comes first: the event may fire the moment epoll_ctl returns.
        if (waiters.putIfAbsent(key, Thread.currentThread()) != null) {
            return false;
        }
        try (Arena call = Arena.ofConfined()) {
            MemorySegment event = call.allocate(Epoll.EVENT_SIZE, 8);
            Epoll.setEvent(event, 0, events | Epoll.EPOLLONESHOT, fd);
            if (Epoll.ctl(capture, epfd, Epoll.EPOLL_CTL_ADD, fd, event) != 0) {
                int code = LibZmq.errno(capture);
                waiters.remove(key);
                if (code == EEXIST) {
                    return false;
                }
                throw new IllegalStateException("epoll_ctl(ADD, " + fd + ") failed, errno " + code);
            }
            return true;
        }
    }

    /** Ends a wait started by a successful {@link #arm}. */
    public void disarm(int fd, MemorySegment capture) {
        // ENOENT/EBADF cannot happen for a registration this thread made; nothing to do if so.
        Epoll.ctl(capture, epfd, Epoll.EPOLL_CTL_DEL, fd, MemorySegment.NULL);
        waiters.remove(fd);
    }

    /** Number of descriptors being waited for right now (for tests: no registration leaks). */
    public int registered() {
        return waiters.size();
    }

    private void run() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(LibZmq.CAPTURE_LAYOUT);
            MemorySegment events = arena.allocate(Epoll.EVENT_SIZE * BATCH, 8);
            while (true) {
                int n = Epoll.await(capture, epfd, events, BATCH, -1);
                if (n < 0) {
                    if (LibZmq.errno(capture) != EINTR) {
                        // Not expected for a valid epoll descriptor; do not spin on it.
                        LockSupport.parkNanos(1_000_000);
                    }
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    Thread waiter = waiters.get((int) Epoll.data(events, i));
                    if (waiter != null) {
                        LockSupport.unpark(waiter);
                    }
                }
            }
        }
    }
}
