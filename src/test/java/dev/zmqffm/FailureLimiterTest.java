package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureLimiterTest {
    private static final long S = 1_000_000_000L;

    @Test
    void limitsAfterTooManyFailuresWithinTheWindow() {
        FailureLimiter l = new FailureLimiter(3, 10 * S);
        long t = -5 * S;
        l.failed("a", t);
        l.failed("a", t + 1);
        assertFalse(l.isLimited("a", t + 2));
        l.failed("a", t + 2);
        assertTrue(l.isLimited("a", t + 3));
        assertFalse(l.isLimited("b", t + 3), "per address");
        assertFalse(l.isLimited("a", t + 11 * S), "failures age out");
        l.failed("a", t + 11 * S);
        assertFalse(l.isLimited("a", t + 11 * S), "the oldest slot is reused");
    }

    @Test
    void successForgetsAndZeroDisables() {
        FailureLimiter l = new FailureLimiter(1, S);
        l.failed("a", 5);
        assertTrue(l.isLimited("a", 6));
        l.succeeded("a");
        assertFalse(l.isLimited("a", 7));
        FailureLimiter off = new FailureLimiter(0, S);
        off.failed("a", 1);
        assertFalse(off.isLimited("a", 2));
    }
}
