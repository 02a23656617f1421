package dev.zmqffm;

import dev.zmqffm.internal.Epoll;
import dev.zmqffm.internal.LibZmq;
import dev.zmqffm.internal.PollItems;
import dev.zmqffm.internal.Reactor;
import dev.zmqffm.internal.jfr.Events;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.locks.LockSupport;

/**
 * The I/O engine behind one {@link Socket}: every send and receive goes through
 * {@link #transfer}, which owns the socket's native scratch memory, the fast path, the waiting
 * strategy, interrupts, EINTR and deadlines.
 *
 * <pre>{@code
 * int size = engine.transfer(Engine.RECV, buffer, buffer.byteSize(), flags, Engine.SOCKET_TIMEOUT);
 * if (size < 0) { ... }                       // would block / timed out
 * }</pre>
 *
 * <p><b>Fast path.</b> The first attempt is always one {@code ZMQ_DONTWAIT} downcall through a
 * {@code critical} handle (no thread-state transition; {@code byte[]} read and written in place).
 * A message that is already there, or room in the queue, costs that one call. Where a failed
 * attempt is followed by the blocking call (a platform thread waiting as long as the socket's
 * own timeout), the attempt captures no errno: the blocking call meets the same error at once
 * and captures it, in the call that reports it. One exception:
 * a platform thread whose calls keep finding nothing goes straight to the blocking call for a
 * while ({@link FastPathSkips}), because a failed attempt costs libzmq two system calls.
 *
 * <p><b>Waiting</b>, only after {@code EAGAIN}:
 * <ul>
 *   <li>on a platform thread, the ordinary blocking downcall (libzmq's own
 *       {@code SNDTIMEO}/{@code RCVTIMEO} apply), or for an explicit {@code Duration}
 *       {@code zmq_poll} on the socket and another attempt;</li>
 *   <li>on a virtual thread, never a blocking downcall (it would pin the carrier): drain
 *       {@code ZMQ_EVENTS}; if the wanted event is still absent, arm the socket's {@code ZMQ_FD}
 *       on the {@link Reactor} and park ({@code parkNanos} for a deadline); every wake-up is a
 *       hint, so loop. Where there is no reactor (not Linux) the thread parks in slices of
 *       {@link #FALLBACK_SLICE_NANOS} and re-checks.</li>
 * </ul>
 * Before any wait, an interrupted thread gets {@link OperationInterruptedException} (the
 * interrupt status stays set). On a virtual thread the park ends at the interrupt, so a waiting
 * call ends within microseconds; a blocking downcall on a platform thread cannot be interrupted.
 *
 * <p><b>No upcall inside a critical call.</b> A zero-copy frame made by {@link Message#wrap}
 * carries a free callback, which is an upcall, and upcalls are forbidden inside critical
 * downcalls (the JVM would crash). libzmq may drop such a frame inside any call on a socket that
 * holds one: one that came over {@code inproc}, one sent from a {@link Message} that wraps (or
 * shares) caller memory, one a {@link Proxy} forwarded. So a socket that has an {@code inproc}
 * endpoint, sent such a message or served a proxy is marked {@link #markUpcalls() once and for
 * all} and from then on uses only ordinary handles; a {@link Message} that may hold such a frame
 * is closed with the ordinary handle before it is received into.
 */
final class Engine {
    /** {@code transfer} timeout meaning "as the socket's SNDTIMEO/RCVTIMEO says". */
    static final long SOCKET_TIMEOUT = -1;
    /** A virtual thread re-checks this often where there is no reactor. */
    static final long FALLBACK_SLICE_NANOS = 1_000_000;

    static final int MSG_SEND = 0;
    static final int MSG_RECV = 1;
    /** {@code zmq_send} of native memory. */
    static final int SEND = 2;
    /** {@code zmq_recv} into native memory. */
    static final int RECV = 3;
    /** {@code zmq_send} of heap memory (critical with heap access, else staged). */
    static final int SEND_HEAP = 4;
    /** {@code zmq_recv} into heap memory (critical with heap access, else staged). */
    static final int RECV_HEAP = 5;

    private static final int DONTWAIT = 1;
    private static final int ZMQ_FD = 14;
    private static final int ZMQ_EVENTS = 15;

    /**
     * Heap payloads up to this size are staged in the socket's native buffer when they cannot be
     * read in place; larger ones go into a libzmq-owned message (one copy either way).
     */
    static final int STAGE_LIMIT = 8192;
    /** Received payloads above this size are released right after copying out, not kept. */
    private static final long KEEP_RECEIVED_LIMIT = 8192;

    final UseGuard guard = new UseGuard("socket");
    /** Relates this socket's JFR events ({@link Events#newId()}). */
    final long id;
    private final String typeName;
    private final Arena arena;
    private final MemorySegment handle;
    private final MemorySegment raw;
    private final MemorySegment capture;
    /** For calls made while {@code capture} holds an errno still to be reported. */
    private final MemorySegment spareCapture;
    private final MemorySegment sendMsg;
    private final MemorySegment recvMsg;
    private final MemorySegment buffer;
    private final MemorySegment pollItem;
    private final MemorySegment optionValue;
    private final MemorySegment optionSize;
    /* A named class, not this::waitStep: a method reference spins a class of its own at a
       process's first socket. */
    private final Retry.Call waitStep = new WaitStep();

    /** When a platform thread's calls skip the fast path ({@link FastPathSkips}). */
    private final FastPathSkips skips = new FastPathSkips();

    /** Set once a free callback may run inside a call on this socket: no critical handle since. */
    private boolean upcalls;
    private int sendTimeoutMillis = -1;
    private int receiveTimeoutMillis = -1;
    private int lingerMillis = -1;
    private int fd = -1;

    // The operation being waited for (one thread at a time is inside: the guard).
    private int op;
    private MemorySegment target;
    private long length;
    private int flags;
    private boolean blockingNext;

    // One heap segment per array, reused while the caller reuses the array: allocation-free
    // whatever the JIT's escape analysis decides.
    private byte[] sendArray;
    private MemorySegment sendArraySegment;
    private byte[] recvArray;
    private MemorySegment recvArraySegment;

    Engine(MemorySegment socket, long id, String typeName) {
        this.id = id;
        this.typeName = typeName;
        this.arena = Arena.ofShared();
        // The handle lives in the socket's arena: after close, passing it to a downcall throws
        // IllegalStateException before any native code runs.
        this.handle = socket.reinterpret(arena, null);
        // The send and receive paths pass unscoped views of the arena's memory and an unscoped
        // handle: a downcall with a shared-arena segment acquires and releases that arena (two
        // atomic updates per segment per call). Safe because those paths run inside the guard,
        // and close() cannot complete then: the memory outlives every such call.
        this.raw = MemorySegment.ofAddress(socket.address());
        this.capture = unscoped(arena.allocate(LibZmq.CAPTURE_LAYOUT));
        this.spareCapture = unscoped(arena.allocate(LibZmq.CAPTURE_LAYOUT));
        this.sendMsg = unscoped(arena.allocate(LibZmq.MSG_T_SIZE, LibZmq.MSG_T_ALIGN));
        this.recvMsg = unscoped(arena.allocate(LibZmq.MSG_T_SIZE, LibZmq.MSG_T_ALIGN));
        this.buffer = unscoped(arena.allocate(STAGE_LIMIT, 8));
        this.pollItem = PollItems.allocate(arena, 1);
        this.optionValue = unscoped(arena.allocate(8, 8));
        this.optionSize = unscoped(arena.allocate(8, 8));
        PollItems.setSocket(pollItem, 0, handle);
        // Once per socket: the ordinary handle, whose downcall stub zmq_close shares (startup).
        LibZmq.zmq_msg_init_ordinary(capture, recvMsg);
    }

    /** The scoped handle, for calls outside the send/receive paths. */
    MemorySegment handle() {
        return handle;
    }

    /** A capture segment for calls made inside the guard. */
    MemorySegment capture() {
        return capture;
    }

    /** From now on a free callback may run inside this socket's calls: ordinary handles only. */
    void markUpcalls() {
        upcalls = true;
    }

    /** Whether a received frame may carry a free callback (see the class comment). */
    boolean upcalls() {
        return upcalls;
    }

    /** Remembers the socket's own timeouts, which bound the SOCKET_TIMEOUT waits. */
    void timeoutsChanged(int sendMillis, int receiveMillis) {
        sendTimeoutMillis = sendMillis;
        receiveTimeoutMillis = receiveMillis;
    }

    /** Remembers the socket's linger, for its context's warning about dropped messages. */
    void lingerChanged(int millis) {
        lingerMillis = millis;
    }

    /** The linger last set, -1 for infinite (libzmq's default). */
    int lingerMillis() {
        return lingerMillis;
    }

    int sendTimeoutMillis() {
        return sendTimeoutMillis;
    }

    int receiveTimeoutMillis() {
        return receiveTimeoutMillis;
    }

    // --- the operations (callers hold the guard) -----------------------------------------

    /** Sends {@code length} bytes of {@code data}; {@code false} = would block / timed out. */
    boolean send(byte[] data, int offset, int length, int flags, long timeout) {
        MemorySegment whole = sendSegment(data);
        MemorySegment bytes = offset == 0 && length == data.length ? whole : whole.asSlice(offset, length);
        return transfer(SEND_HEAP, bytes, length, flags, timeout) >= 0;
    }

    /** Sends a segment, heap or native. */
    boolean send(MemorySegment data, int flags, long timeout) {
        return transfer(data.isNative() ? SEND : SEND_HEAP, data, data.byteSize(), flags, timeout) >= 0;
    }

    /** Sends a message without copying. */
    boolean send(Message message, int flags, long timeout) {
        message.beforeSend();
        if (message.mayHoldCallback()) {
            upcalls = true;
        }
        boolean sent = transfer(MSG_SEND, message.msg, 0, flags, timeout) >= 0;
        if (sent) {
            message.afterSend();
        }
        return sent;
    }

    /** Receives into an array: the frame's full size, or -1. */
    int receive(byte[] into, int flags, long timeout) {
        return transfer(RECV_HEAP, receiveSegment(into), into.length, flags, timeout);
    }

    /** Receives into a writable segment: the frame's full size, or -1. */
    int receive(MemorySegment into, int flags, long timeout) {
        if (into.isReadOnly()) {
            throw new IllegalArgumentException("cannot receive into read-only memory: " + into);
        }
        return transfer(into.isNative() ? RECV : RECV_HEAP, into, into.byteSize(), flags, timeout);
    }

    /** Receives into a message without copying; {@code false} = would block / timed out. */
    boolean receive(Message message, int flags, long timeout) {
        message.beforeReceive();
        int received = transfer(MSG_RECV, message.msg, 0, flags, timeout);
        message.afterReceive(received, upcalls);
        return received >= 0;
    }

    /** Receives one frame as a new array, or {@code null} for would block / timed out. */
    byte[] receiveBytes(int flags, long timeout) {
        if (transfer(MSG_RECV, recvMsg, 0, flags, timeout) < 0) {
            return null;
        }
        long size = LibZmq.zmq_msg_size(recvMsg);
        byte[] bytes = LibZmq.zmq_msg_data(recvMsg).reinterpret(size).toArray(ValueLayout.JAVA_BYTE);
        releaseReceived(size);
        return bytes;
    }

    /** Whether the frame last received has more frames after it ({@code ZMQ_RCVMORE}). */
    boolean hasMore() {
        return readIntOption(13, "zmq_getsockopt(RCVMORE)") != 0;
    }

    // --- the core ------------------------------------------------------------------------

    /**
     * Runs one send or receive. {@code timeout} is {@link #SOCKET_TIMEOUT}, 0 (don't wait) or a
     * limit in nanoseconds ({@link Timeouts#FOREVER} = none).
     *
     * @return libzmq's non-negative result, or -1 for "would block / timed out"
     */
    int transfer(int op, MemorySegment target, long length, int flags, long timeout) {
        int direction = isSend(op) ? FastPathSkips.SEND : FastPathSkips.RECEIVE;
        Thread self = Thread.currentThread();
        long ownLimit = socketLimit(op);
        // On a platform thread, a wait as long as the socket's own timeout is the ordinary
        // blocking call: no added latency. (A socket timeout of 0 means no wait at all.)
        boolean blocking = timeout == SOCKET_TIMEOUT && (flags & DONTWAIT) == 0 && !self.isVirtual()
                && ownLimit != 0;
        if (!blocking || self.isInterrupted() || !skips.skip(direction)) {
            if (blocking) {
                // The attempt captures no errno: whatever made it fail, EAGAIN or a real error
                // (ETERM, EFSM, ...), the blocking call that follows fails the same way at once,
                // and captures it.
                int rc = quickAttempt(op, target, length, flags | DONTWAIT);
                if (rc >= 0) {
                    skips.hit(direction);
                    return rc;
                }
                skips.missed(direction);
                return await(op, target, length, flags, ownLimit, true);
            }
            int rc = attempt(op, target, length, flags | DONTWAIT);
            if (rc >= 0) {
                skips.hit(direction);
                return rc;
            }
            long limit = (flags & DONTWAIT) != 0 || timeout == 0 ? 0 : timeout == SOCKET_TIMEOUT ? ownLimit : timeout;
            int code = LibZmq.errno(capture);
            if (Failures.isAgain(code)) {
                if (limit == 0) {
                    return -1;
                }
            } else if (!Failures.isInterrupted(code)) {
                throw Failures.of(name(op), code);
            }
            return await(op, target, length, flags, limit, false);
        }
        // A skipped attempt. A blocking call that returns at once found its message (or room)
        // there: the queue is flowing again, and the fast path pays again.
        long start = System.nanoTime();
        int rc = await(op, target, length, flags, ownLimit, true);
        if (System.nanoTime() - start < FastPathSkips.QUICK_CALL_NANOS) {
            skips.hit(direction);
        }
        return rc;
    }

    /** Waits for {@code op} (after a miss, or at once in a skipped run): the one place a call waits. */
    private int await(int op, MemorySegment target, long length, int flags, long limit, boolean blocking) {
        this.op = op;
        this.target = target;
        this.length = length;
        this.flags = flags & ~DONTWAIT;
        this.blockingNext = blocking;
        // The one place a call starts to wait: its JFR event (null unless recorded) spans the wait.
        Object wait = isSend(op) ? Events.beginSend() : Events.beginReceive();
        int result = -1;
        try {
            result = Retry.run(waitStep, capture, limit, name(op));
            return result;
        } finally {
            this.target = null;
            if (wait != null) {
                endWait(wait, op, result, target, length, limit);
            }
        }
    }

    /** Ends the JFR event of a wait; {@code result} is -1 if it timed out or threw. */
    private void endWait(Object wait, int op, int result, MemorySegment target, long length, long limit) {
        long timeoutMillis = limit >= Timeouts.FOREVER ? Events.NO_LIMIT : Timeouts.millisRoundedUp(limit);
        boolean completed = result >= 0;
        if (isSend(op)) {
            // The size sent, or that of the data (or message, still the caller's) not sent.
            long bytes = completed ? result : op == MSG_SEND ? LibZmq.zmq_msg_size(target) : length;
            Events.endSend(wait, typeName, id, bytes, timeoutMillis, completed);
        } else {
            Events.endReceive(wait, typeName, id, completed ? result : 0, timeoutMillis, completed);
        }
    }

    private final class WaitStep implements Retry.Call {
        @Override
        public int invoke(long remainingNanos) {
            return waitStep(remainingNanos);
        }
    }

    /** One wait and one more attempt (see {@link Retry}). */
    private int waitStep(long remaining) {
        if (remaining <= 0) {
            return retryOnce();
        }
        Thread self = Thread.currentThread();
        if (self.isInterrupted()) {
            throw new OperationInterruptedException(name(op));
        }
        if (self.isVirtual()) {
            if (!parkUntilReady(remaining)) {
                return Retry.AGAIN;
            }
            return retryOnce();
        }
        if (blockingNext) {
            // After an EINTR, the rest of the time is waited for with zmq_poll: libzmq's own
            // timeout would start again from the beginning.
            blockingNext = false;
            return blocking(op, target, length, flags);
        }
        awaitPlatform(remaining);
        return retryOnce();
    }

    /** A DONTWAIT attempt: its result, {@link Retry#AGAIN} for EAGAIN, or -1 with errno. */
    private int retryOnce() {
        int rc = attempt(op, target, length, flags | DONTWAIT);
        if (rc < 0 && Failures.isAgain(LibZmq.errno(capture))) {
            return Retry.AGAIN;
        }
        return rc;
    }

    /** {@link #attempt} without errno, for a first attempt a blocking call follows on failure. */
    private int quickAttempt(int op, MemorySegment target, long length, int flags) {
        if (!upcalls) {
            return switch (op) {
                case MSG_SEND -> LibZmq.zmq_msg_send_attempt(target, raw, flags);
                case MSG_RECV -> LibZmq.zmq_msg_recv_attempt(target, raw, flags);
                case SEND, SEND_HEAP -> LibZmq.zmq_send_attempt(raw, target, length, flags);
                default -> LibZmq.zmq_recv_attempt(raw, target, length, flags);
            };
        }
        return blocking(op, target, length, flags);
    }

    /** One non-blocking attempt: critical unless a free callback could run inside it. */
    private int attempt(int op, MemorySegment target, long length, int flags) {
        if (!upcalls) {
            return switch (op) {
                case MSG_SEND -> LibZmq.zmq_msg_send_critical(capture, target, raw, flags);
                case MSG_RECV -> LibZmq.zmq_msg_recv_critical(capture, target, raw, flags);
                case SEND, SEND_HEAP -> LibZmq.zmq_send_critical(capture, raw, target, length, flags);
                default -> LibZmq.zmq_recv_critical(capture, raw, target, length, flags);
            };
        }
        return blocking(op, target, length, flags);
    }

    /** The ordinary (non-critical) call, blocking unless {@code flags} has DONTWAIT. */
    private int blocking(int op, MemorySegment target, long length, int flags) {
        return switch (op) {
            case MSG_SEND -> LibZmq.zmq_msg_send(capture, target, raw, flags);
            case MSG_RECV -> LibZmq.zmq_msg_recv(capture, target, raw, flags);
            case SEND -> LibZmq.zmq_send(capture, raw, target, length, flags);
            case RECV -> LibZmq.zmq_recv(capture, raw, target, length, flags);
            case SEND_HEAP -> stagedSend(target, length, flags);
            default -> stagedReceive(target, length, flags);
        };
    }

    /** Heap data through native memory: an ordinary downcall cannot take a heap segment. */
    private int stagedSend(MemorySegment data, long size, int flags) {
        if (size <= STAGE_LIMIT) {
            MemorySegment.copy(data, 0, buffer, 0, size);
            return LibZmq.zmq_send(capture, raw, buffer, size, flags);
        }
        if (LibZmq.zmq_msg_init_size(capture, sendMsg, size) != 0) {
            throw Failures.of("zmq_msg_init_size", capture);
        }
        MemorySegment.copy(data, 0, LibZmq.zmq_msg_data(sendMsg).reinterpret(size), 0, size);
        int rc = LibZmq.zmq_msg_send(capture, sendMsg, raw, flags);
        if (rc < 0) {
            // libzmq-owned content: no callback. The errno to report stays in `capture`.
            LibZmq.zmq_msg_close(spareCapture, sendMsg);
        }
        return rc;
    }

    private int stagedReceive(MemorySegment into, long size, int flags) {
        if (size <= STAGE_LIMIT) {
            // One downcall: zmq_recv truncates to the size asked for, as the caller's form does.
            int rc = LibZmq.zmq_recv(capture, raw, buffer, size, flags);
            if (rc > 0) {
                MemorySegment.copy(buffer, 0, into, 0, Math.min(rc, size));
            }
            return rc;
        }
        int rc = LibZmq.zmq_msg_recv(capture, recvMsg, raw, flags);
        if (rc >= 0) {
            long received = LibZmq.zmq_msg_size(recvMsg);
            MemorySegment.copy(LibZmq.zmq_msg_data(recvMsg).reinterpret(received), 0, into, 0,
                    Math.min(received, size));
            releaseReceived(received);
        }
        return rc;
    }

    /**
     * Drops the scratch message's content after it was copied out when keeping it would cost:
     * a large buffer stays pinned, and a zero-copy frame from {@code inproc} would keep its
     * sender's tracker pending until the next receive.
     */
    private void releaseReceived(long size) {
        if (upcalls || size > KEEP_RECEIVED_LIMIT) {
            LibZmq.zmq_msg_close_upcalling(spareCapture, recvMsg);
            LibZmq.zmq_msg_init(spareCapture, recvMsg);
        }
    }

    // --- waiting ---------------------------------------------------------------------------

    /** The socket's own timeout for this direction, in nanoseconds (FOREVER if infinite). */
    private long socketLimit(int op) {
        int millis = isSend(op) ? sendTimeoutMillis : receiveTimeoutMillis;
        return millis < 0 ? Timeouts.FOREVER : millis * 1_000_000L;
    }

    /** A platform thread waits for readiness with zmq_poll; a signal just ends the wait early. */
    private void awaitPlatform(long remaining) {
        PollItems.setEvents(pollItem, 0, isSend(op) ? PollItems.POLLOUT : PollItems.POLLIN);
        if (LibZmq.zmq_poll(spareCapture, pollItem, 1, Math.max(1, Timeouts.millisRoundedUp(remaining))) < 0) {
            int code = LibZmq.errno(spareCapture);
            if (!Failures.isInterrupted(code)) {
                throw Failures.of("zmq_poll", code);
            }
        }
    }

    /**
     * A virtual thread waits without a blocking downcall: drain the socket's commands
     * ({@code ZMQ_EVENTS}); if the wanted event is there, retry at once; else arm the
     * descriptor, then park.
     *
     * @return whether to attempt the operation now (always, except after an EINTR drain)
     */
    private boolean parkUntilReady(long remaining) {
        int wanted = isSend(op) ? PollItems.POLLOUT : PollItems.POLLIN;
        int events = readEvents();
        if (events < 0) {
            return false;
        }
        if ((events & wanted) != 0) {
            return true;
        }
        Reactor reactor = Reactor.instance();
        if (reactor != null && reactor.arm(descriptor(), Epoll.EPOLLIN, spareCapture)) {
            try {
                park(remaining);
            } finally {
                reactor.disarm(descriptor(), spareCapture);
            }
        } else {
            LockSupport.parkNanos(this, Math.min(remaining, FALLBACK_SLICE_NANOS));
        }
        return true;
    }

    private void park(long remaining) {
        if (remaining >= Timeouts.FOREVER) {
            LockSupport.park(this);
        } else {
            LockSupport.parkNanos(this, remaining);
        }
    }

    /** {@code ZMQ_EVENTS}, which processes pending commands; -1 after EINTR; throws on ETERM. */
    private int readEvents() {
        optionSize.set(ValueLayout.JAVA_LONG, 0, 4);
        if (LibZmq.zmq_getsockopt(spareCapture, raw, ZMQ_EVENTS, optionValue, optionSize) != 0) {
            int code = LibZmq.errno(spareCapture);
            if (Failures.isInterrupted(code)) {
                return -1;
            }
            throw Failures.of(name(op), code);
        }
        return optionValue.get(ValueLayout.JAVA_INT, 0);
    }

    /** The socket's {@code ZMQ_FD} (fixed for its lifetime), read once; inside the guard. */
    int descriptor() {
        if (fd < 0) {
            fd = readIntOption(ZMQ_FD, "zmq_getsockopt(FD)");
        }
        return fd;
    }

    private int readIntOption(int option, String what) {
        optionSize.set(ValueLayout.JAVA_LONG, 0, 4);
        int rc = Retry.untilDone(ignored -> LibZmq.zmq_getsockopt(spareCapture, raw, option, optionValue, optionSize),
                spareCapture, what);
        assert rc == 0;
        return optionValue.get(ValueLayout.JAVA_INT, 0);
    }

    // --- lifecycle -------------------------------------------------------------------------

    /**
     * Frees the scratch message and closes the libzmq socket. Called once, by whoever won the
     * guard's close. Nothing of this socket is registered with the reactor then: a registration
     * lives only for one wait, inside the guard.
     */
    void release() {
        try {
            LibZmq.zmq_msg_close_upcalling(capture, recvMsg);
            LibZmq.zmq_close(capture, handle);
        } finally {
            arena.close();
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    private MemorySegment sendSegment(byte[] data) {
        if (data != sendArray) {
            sendArray = data;
            sendArraySegment = MemorySegment.ofArray(data);
        }
        return sendArraySegment;
    }

    private MemorySegment receiveSegment(byte[] into) {
        if (into != recvArray) {
            recvArray = into;
            recvArraySegment = MemorySegment.ofArray(into);
        }
        return recvArraySegment;
    }

    private static boolean isSend(int op) {
        return op == MSG_SEND || op == SEND || op == SEND_HEAP;
    }

    private static String name(int op) {
        return switch (op) {
            case MSG_SEND -> "zmq_msg_send";
            case MSG_RECV -> "zmq_msg_recv";
            case SEND, SEND_HEAP -> "zmq_send";
            default -> "zmq_recv";
        };
    }

    private static MemorySegment unscoped(MemorySegment owned) {
        return MemorySegment.ofAddress(owned.address()).reinterpret(owned.byteSize());
    }
}
