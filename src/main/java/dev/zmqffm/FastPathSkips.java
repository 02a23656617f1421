package dev.zmqffm;

/**
 * When a platform thread's send or receive skips {@link Engine}'s non-blocking first attempt and
 * makes only the blocking call. One per socket, used inside its guard.
 *
 * <pre>{@code
 * if (skips.skip(RECEIVE)) { ...blocking call...; if (it returned at once) skips.hit(RECEIVE); }
 * else if (attempt succeeded) skips.hit(RECEIVE); else skips.missed(RECEIVE);
 * }</pre>
 *
 * <p>A failed {@code ZMQ_DONTWAIT} attempt is not free: libzmq polls its command mailbox
 * ({@code poll(2)}) before answering EAGAIN, and the blocking call that follows polls it once
 * more before it sleeps — two system calls that C's blocking loop does not make, on every
 * receive of a request/reply loop. So after a miss the next calls of that direction skip the
 * attempt, the more of them the longer misses repeat (1, 3, 7 … up to {@link #MAX_SKIP}); each
 * skipped run ends with one probe of the fast path. A hit, or a skipped call that returned at
 * once ({@link #QUICK_CALL_NANOS}: the queue is flowing again), returns to the fast path. A
 * message already there costs one downcall either way.
 */
final class FastPathSkips {
    /** Direction index of receives. */
    static final int RECEIVE = 0;
    /** Direction index of sends. */
    static final int SEND = 1;
    /** Longest run of calls that skip the fast path after repeated misses. */
    static final int MAX_SKIP = 63;
    /**
     * A blocking call shorter than this did not sleep: a wake-up alone costs more (a thread
     * switch and several system calls, at about 1 µs each on the machine measured).
     */
    static final long QUICK_CALL_NANOS = 2_000;

    // Per direction: calls to skip after misses, and how many of them were skipped so far.
    private final int[] limit = new int[2];
    private final int[] skipped = new int[2];

    /** Whether this call skips the attempt (and counts it). */
    boolean skip(int direction) {
        int l = limit[direction];
        if (l == 0) {
            return false;
        }
        if (skipped[direction] < l) {
            skipped[direction]++;
            return true;
        }
        skipped[direction] = 0;                  // this call probes the fast path
        return false;
    }

    /** The attempt succeeded, or a skipped call did not wait: back to the fast path. */
    void hit(int direction) {
        limit[direction] = 0;
    }

    /** The attempt found nothing: skip a longer run. */
    void missed(int direction) {
        limit[direction] = Math.min(2 * limit[direction] + 1, MAX_SKIP);
        skipped[direction] = 0;
    }
}
