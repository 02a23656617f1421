package dev.zmqffm;

import java.time.Duration;

/**
 * The one conversion of a {@link Duration} into nanoseconds, for every timeout and interval of
 * the binding.
 *
 * <pre>{@code
 * long limit = Timeouts.nanos(timeout, "timeout");   // SocketOptions.INFINITE -> FOREVER
 * }</pre>
 *
 * <p>Durations saturate instead of overflowing: anything from {@link #FOREVER} (about 146 years)
 * up, including {@link SocketOptions#INFINITE}, means "no limit". Half of {@code Long.MAX_VALUE}
 * so that {@code System.nanoTime() + limit} and {@code deadline - now} never overflow into
 * nonsense (both are compared with wrap-around arithmetic, as {@code nanoTime} requires).
 */
final class Timeouts {
    /** No limit: the saturated value of every long duration. */
    static final long FOREVER = Long.MAX_VALUE / 2;

    private Timeouts() {}

    /**
     * {@code d} in nanoseconds, saturated at {@link #FOREVER}; {@link SocketOptions#INFINITE}
     * gives {@link #FOREVER}.
     *
     * @throws IllegalArgumentException if {@code d} is negative (and not INFINITE)
     */
    static long nanos(Duration d, String what) {
        if (d.equals(SocketOptions.INFINITE)) {
            return FOREVER;
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + d);
        }
        // Whole seconds first: Duration.toNanos() throws beyond 292 years.
        return d.getSeconds() >= FOREVER / 1_000_000_000L ? FOREVER
                : Math.min(FOREVER, d.getSeconds() * 1_000_000_000L + d.getNano());
    }

    /** What is left of {@code limit} nanoseconds started at {@code start} ({@code nanoTime}). */
    static long remaining(long start, long limit) {
        return limit >= FOREVER ? FOREVER : limit - (System.nanoTime() - start);
    }

    /** Whole milliseconds for a native wait, rounded up so a wait never ends early; -1 = forever. */
    static long millisRoundedUp(long nanos) {
        if (nanos >= FOREVER) {
            return -1;
        }
        return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
    }
}
