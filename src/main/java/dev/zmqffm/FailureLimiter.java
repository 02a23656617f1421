package dev.zmqffm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts authentication failures per peer address and refuses an address that failed too often:
 * a misconfigured client reconnects forever at RECONNECT_IVL, and a guesser tries passwords as
 * fast as it can connect. A refused request is answered at once, without checking credentials
 * (so guessing stops, and no password hash is computed). Only the handler thread uses it.
 *
 * <p>The table is bounded (least recently seen addresses are forgotten first), so a flood of
 * distinct addresses costs bounded memory.
 */
final class FailureLimiter {
    private static final int MAX_ADDRESSES = 10_000;
    private static final long EMPTY = Long.MIN_VALUE;

    private final int maxFailures;
    private final long windowNanos;
    private final Map<String, long[]> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    /** {@code maxFailures} of 0 disables the limit. */
    FailureLimiter(int maxFailures, long windowNanos) {
        this.maxFailures = maxFailures;
        this.windowNanos = windowNanos;
    }

    /** Whether {@code address} is refused now: {@code maxFailures} failures within the window. */
    boolean isLimited(String address, long now) {
        if (maxFailures == 0) {
            return false;
        }
        long[] times = failures.get(address);
        if (times == null) {
            return false;
        }
        int recent = 0;
        for (long t : times) {
            if (t != EMPTY && now - t < windowNanos) {
                recent++;
            }
        }
        return recent >= maxFailures;
    }

    /** Records a failed authentication of {@code address}. */
    void failed(String address, long now) {
        if (maxFailures == 0) {
            return;
        }
        // The last maxFailures failure times; the oldest (or an empty slot) is replaced.
        long[] times = failures.computeIfAbsent(address, a -> {
            long[] fresh = new long[maxFailures];
            java.util.Arrays.fill(fresh, EMPTY);
            return fresh;
        });
        int oldest = 0;
        for (int i = 0; i < times.length; i++) {
            if (times[i] == EMPTY) {
                oldest = i;
                break;
            }
            if (times[i] - times[oldest] < 0) {
                oldest = i;
            }
        }
        times[oldest] = now;
    }

    /** Forgets {@code address} after a success. */
    void succeeded(String address) {
        failures.remove(address);
    }
}
