package dev.zmqffm;

import dev.zmqffm.internal.LibZmq;
import java.lang.foreign.MemorySegment;

/**
 * The binding's one loop around a native call that a signal can interrupt ({@code EINTR}) or
 * that waits against a deadline: socket options, {@code zmq_ctx_term}, {@code zmq_poll},
 * {@code zmq_proxy_steerable} and the wait step of every send and receive ({@link Engine}).
 *
 * <pre>{@code
 * int rc = Retry.run(remaining -> LibZmq.zmq_poll(capture, items, n, Timeouts.millisRoundedUp(remaining)),
 *         capture, Timeouts.nanos(timeout, "timeout"), "zmq_poll");
 * }</pre>
 *
 * <p>Calls without a deadline on the first round trip loop with {@link #again} instead.
 *
 * <p>A call returns its non-negative result, {@code -1} with {@code errno} captured, or
 * {@link #AGAIN} to be called again with what remains of the time. {@code EINTR} is retried with
 * the remaining time; {@code EAGAIN} (or an elapsed limit) ends the loop with {@code -1}, the
 * "would block" result; anything else becomes the documented exception ({@link Failures}).
 */
final class Retry {
    /** A call's answer meaning "not yet: call me again with the remaining time". */
    static final int AGAIN = -2;

    private Retry() {}

    /** One attempt, given the nanoseconds left ({@link Timeouts#FOREVER} = no limit). */
    @FunctionalInterface
    interface Call {
        int invoke(long remainingNanos);
    }

    /**
     * Runs {@code call} until it succeeds, fails, or {@code limitNanos} elapses.
     *
     * @return the call's result, or {@code -1} for would block / timed out
     */
    static int run(Call call, MemorySegment capture, long limitNanos, String operation) {
        long start = limitNanos >= Timeouts.FOREVER ? 0 : System.nanoTime();
        long remaining = limitNanos;
        while (true) {
            int rc = call.invoke(remaining);
            if (rc != AGAIN && !again(rc, capture, operation)) {
                return rc >= 0 ? rc : -1;
            }
            remaining = Timeouts.remaining(start, limitNanos);
            if (remaining <= 0) {
                return -1;
            }
        }
    }

    /**
     * Whether a native call that returned {@code rc} is to be made again: only after
     * {@code EINTR}. The loop of {@link #untilDone} without its lambda, for the calls every
     * process makes on its first round trip (socket options, {@code zmq_ctx_term}), where each
     * lambda spins a class of its own:
     *
     * <pre>{@code
     * int rc;
     * do {
     *     rc = LibZmq.zmq_setsockopt(capture, socket, option, value, size);
     * } while (Retry.again(rc, capture, "zmq_setsockopt"));
     * }</pre>
     *
     * {@code EAGAIN} ends the loop as success does, with {@code rc} -1 ("would block"); any other
     * errno becomes the documented exception ({@link Failures}).
     */
    static boolean again(int rc, MemorySegment capture, String operation) {
        if (rc >= 0) {
            return false;
        }
        int code = LibZmq.errno(capture);
        if (Failures.isAgain(code)) {
            return false;
        }
        if (!Failures.isInterrupted(code)) {
            throw Failures.of(operation, code);
        }
        return true;
    }

    /** Runs a call that has no deadline and cannot report would-block (options, term). */
    static int untilDone(Call call, MemorySegment capture, String operation) {
        return run(call, capture, Timeouts.FOREVER, operation);
    }
}
