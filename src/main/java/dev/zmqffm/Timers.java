package dev.zmqffm;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Repeating timers for a polling loop, in plain Java.
 *
 * {@snippet class=dev.zmqffm.snippets.MessagingSnippets region=timers}
 *
 * <p><b>Why not {@code zmq_timers_*}?</b> libzmq's timers do exactly this bookkeeping, but each
 * handler would be an upcall from native code: an exception escaping it terminates the JVM, and
 * every timer would need an upcall stub kept alive as long as libzmq might call it. In Java the
 * handlers are ordinary {@link Runnable}s: an exception simply propagates out of
 * {@link #execute()}, the clock is {@link System#nanoTime()}, and the bookkeeping allocates
 * nothing per tick. The API mirrors {@code zmq_timers_*}: add, cancel, set interval, reset,
 * timeout, execute.
 *
 * <p>Not thread-safe: use it from the polling thread.
 */
public final class Timers {
    private Runnable[] handlers = new Runnable[4];
    private long[] intervals = new long[4];
    private long[] due = new long[4];
    private int count;

    /** An empty set of timers. */
    public Timers() {
    }

    /**
     * Adds a timer that runs {@code handler} every {@code interval}, first after one interval.
     *
     * @param interval positive; one too long to count in nanoseconds never comes due
     * @param handler run by {@link #execute()} on the thread that calls it
     * @return the timer's id
     * @throws IllegalArgumentException if {@code interval} is zero or negative
     */
    public int add(Duration interval, Runnable handler) {
        Objects.requireNonNull(handler, "handler");
        long nanos = positiveNanos(interval);
        if (count == handlers.length) {
            int n = count * 2;
            handlers = Arrays.copyOf(handlers, n);
            intervals = Arrays.copyOf(intervals, n);
            due = Arrays.copyOf(due, n);
        }
        int id = count++;
        handlers[id] = handler;
        intervals[id] = nanos;
        due[id] = System.nanoTime() + nanos;
        return id;
    }

    /**
     * Cancels a timer; its handler never runs again. Cancelling twice is harmless.
     *
     * @param id an id returned by {@link #add}
     * @throws IndexOutOfBoundsException if {@code id} was never returned by {@link #add}
     */
    public void cancel(int id) {
        Objects.checkIndex(id, count);
        handlers[id] = null;
    }

    /**
     * Changes a timer's interval; the next run is one new interval from now.
     *
     * @param id the id of a timer that was not cancelled
     * @param interval positive
     * @throws IllegalStateException if the timer was cancelled
     * @throws IllegalArgumentException if {@code interval} is zero or negative
     */
    public void setInterval(int id, Duration interval) {
        checkActive(id);
        intervals[id] = positiveNanos(interval);
        due[id] = System.nanoTime() + intervals[id];
    }

    /**
     * Restarts a timer's interval from now.
     *
     * @param id the id of a timer that was not cancelled
     * @throws IllegalStateException if the timer was cancelled
     */
    public void reset(int id) {
        checkActive(id);
        due[id] = System.nanoTime() + intervals[id];
    }

    /**
     * {@return time until the next timer is due: {@link Duration#ZERO} if one is overdue,
     * {@link SocketOptions#INFINITE} if there are no timers — ready to pass to
     * {@link Poller#poll(Duration)}}
     */
    public Duration timeout() {
        long next = nextDueIn();
        return next == Long.MAX_VALUE ? SocketOptions.INFINITE : Duration.ofNanos(next);
    }

    /**
     * {@return nanoseconds until the next timer is due (0 if overdue), {@code Long.MAX_VALUE} if none}
     */
    public long timeoutNanos() {
        return nextDueIn();
    }

    /**
     * Runs every timer that is due, on the calling thread, and schedules its next run. If a
     * handler throws, the exception propagates; that timer is already rescheduled and the
     * remaining due timers run on the next call.
     *
     * @return how many handlers ran
     */
    public int execute() {
        long now = System.nanoTime();
        int ran = 0;
        for (int id = 0; id < count; id++) {
            Runnable h = handlers[id];
            if (h != null && due[id] - now <= 0) {
                // Fixed rate; runs missed during a stall are skipped, not made up in a burst
                // (the next run is then a whole interval away, never "now").
                long next = due[id] + intervals[id];
                due[id] = next - now <= 0 ? now + intervals[id] : next;
                ran++;
                h.run();
            }
        }
        return ran;
    }

    private long nextDueIn() {
        long now = System.nanoTime();
        long best = Long.MAX_VALUE;
        for (int id = 0; id < count; id++) {
            if (handlers[id] != null) {
                best = Math.min(best, Math.max(0, due[id] - now));
            }
        }
        return best;
    }

    private void checkActive(int id) {
        Objects.checkIndex(id, count);
        if (handlers[id] == null) {
            throw new IllegalStateException("timer " + id + " was cancelled");
        }
    }

    private static long positiveNanos(Duration interval) {
        // Very long intervals saturate (Timeouts.FOREVER): such a timer simply never comes due.
        long nanos = Timeouts.nanos(interval, "interval");
        if (nanos == 0) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        return nanos;
    }
}
