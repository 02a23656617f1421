package dev.zmqffm;

import dev.zmqffm.internal.Posix;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread options of one context, checked so libzmq never aborts on them. libzmq accepts
 * any non-negative scheduling policy, priority and CPU number at {@code zmq_ctx_set} time, and
 * only applies them when the first socket starts the I/O threads — asserting, which aborts the
 * process, if {@code pthread_setschedparam}, {@code nice(-20)} or
 * {@code pthread_setaffinity_np} fails. So:
 * <ul>
 *   <li>at {@link Context#set}, each value is checked alone: a policy this OS knows, a priority
 *       within its range, a CPU this process may run on, a sane number of I/O threads
 *       ({@link IllegalArgumentException});</li>
 *   <li>before the first socket, the combination is applied on a short-lived thread, step by
 *       step as libzmq will apply it; if a step fails (a real-time policy without a priority,
 *       or without the privilege, say) the socket is refused with a {@link ZmqException}
 *       carrying that step's errno, and libzmq never starts its threads.</li>
 * </ul>
 * Outside Linux the scheduling and affinity options are refused
 * ({@link UnsupportedOperationException}): their effect there cannot be checked.
 */
final class ThreadOptions {
    /** More I/O threads than this are refused: libzmq asserts that each one could be created. */
    static final int MAX_IO_THREADS = 1024;
    /** libzmq 4.3.4's {@code ZMQ_SOCKET_LIMIT} with epoll (65535): larger tables abort at start. */
    static final int MAX_SOCKETS = 65535;

    private int policy = -1;
    private int priority = -1;
    private final BitSet cpus = new BitSet();
    private boolean checked;

    /** Checks one value before {@code zmq_ctx_set} sees it. */
    static void checkValue(ContextOption<?> option, int raw) {
        // Negative values are left to libzmq, which rejects them itself (EINVAL): only values it
        // would accept and abort on later are refused here.
        if (raw < 0) {
            return;
        }
        if (option == ContextOptions.MAX_SOCKETS && raw > MAX_SOCKETS) {
            // The first socket reserves MAX_SOCKETS + IO_THREADS + 2 slots in an int: beyond,
            // libzmq dies of std::length_error (or bad_alloc) in vector::reserve.
            throw new IllegalArgumentException("MAX_SOCKETS must be at most SOCKET_LIMIT (" + MAX_SOCKETS + "): " + raw);
        }
        if (option == ContextOptions.IO_THREADS && raw > MAX_IO_THREADS) {
            throw new IllegalArgumentException("IO_THREADS must be from 0 to " + MAX_IO_THREADS + ": " + raw);
        }
        boolean scheduling = option == ContextOptions.THREAD_SCHED_POLICY || option == ContextOptions.THREAD_PRIORITY
                || option == ContextOptions.THREAD_AFFINITY_CPU_ADD || option == ContextOptions.THREAD_AFFINITY_CPU_REMOVE;
        if (!scheduling) {
            return;
        }
        if (!Posix.LINUX) {
            throw new UnsupportedOperationException(option + " is only supported on Linux, where it can be checked "
                    + "before libzmq applies it (libzmq aborts the process if applying it fails)");
        }
        // SCHED_DEADLINE (6) is known to the kernel but only settable with sched_setattr:
        // pthread_setschedparam always fails with it.
        if (option == ContextOptions.THREAD_SCHED_POLICY && (raw == 6 || Posix.maxPriority(raw) < 0)) {
            throw new IllegalArgumentException("THREAD_SCHED_POLICY " + raw + " is not a scheduling policy of this "
                    + "system (0 SCHED_OTHER, 1 SCHED_FIFO, 2 SCHED_RR, 3 SCHED_BATCH, 5 SCHED_IDLE)");
        }
        if (option == ContextOptions.THREAD_PRIORITY) {
            int max = Math.max(Posix.maxPriority(Posix.SCHED_FIFO), Posix.maxPriority(Posix.SCHED_RR));
            if (raw > max) {
                throw new IllegalArgumentException("THREAD_PRIORITY must be from 0 to " + max + ": " + raw);
            }
        }
        if (option == ContextOptions.THREAD_AFFINITY_CPU_ADD) {
            BitSet allowed = Posix.allowedCpus();
            if (raw >= Posix.CPU_SETSIZE || !allowed.get(raw)) {
                throw new IllegalArgumentException("THREAD_AFFINITY_CPU_ADD " + raw + " is not a CPU this process may "
                        + "run on: " + allowed);
            }
        }
    }

    /** Remembers a value libzmq accepted, for the check before the first socket. */
    synchronized void record(ContextOption<?> option, int raw) {
        if (option == ContextOptions.THREAD_SCHED_POLICY) {
            policy = raw;
        } else if (option == ContextOptions.THREAD_PRIORITY) {
            priority = raw;
        } else if (option == ContextOptions.THREAD_AFFINITY_CPU_ADD) {
            cpus.set(raw);
        } else if (option == ContextOptions.THREAD_AFFINITY_CPU_REMOVE) {
            cpus.clear(raw);
        } else {
            return;
        }
        checked = false;
    }

    /**
     * Before the first socket: applies the recorded options on a throwaway platform thread the
     * way libzmq will, and refuses to start if that fails.
     *
     * @throws ZmqException with the failing step's errno
     */
    synchronized void checkStartable() {
        if (checked || (policy == -1 && priority == -1 && cpus.isEmpty())) {
            return;
        }
        String[] step = new String[1];
        AtomicInteger result = new AtomicInteger();
        BitSet set = (BitSet) cpus.clone();
        Thread probe = Thread.ofPlatform().name("zmq-ffm thread-option check").unstarted(
                () -> result.set(Posix.applyLikeLibzmq(policy, priority, set, step)));
        probe.start();
        boolean interrupted = false;
        while (true) {
            try {
                probe.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (result.get() != 0) {
            throw new ZmqException("zmq_socket", -result.get(), "the context's thread options cannot be applied "
                    + "(policy " + policy + ", priority " + priority + ", cpus " + cpus + "): " + step[0]
                    + " fails with errno " + -result.get() + "; libzmq would abort the process");
        }
        checked = true;
    }
}
