package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class FastPathSkipsTest {

    /** How many calls in a row skip before the next probe. */
    private static int run(FastPathSkips s, int direction) {
        int n = 0;
        while (s.skip(direction)) {
            n++;
        }
        return n;
    }

    @Test
    void theFastPathIsTriedUntilAMiss() {
        FastPathSkips s = new FastPathSkips();
        for (int i = 0; i < 10; i++) {
            assertFalse(s.skip(FastPathSkips.RECEIVE));
        }
    }

    @Test
    void repeatedMissesSkipLongerRunsUpToTheLimit() {
        FastPathSkips s = new FastPathSkips();
        int[] expected = {1, 3, 7, 15, 31, 63, 63};
        for (int want : expected) {
            s.missed(FastPathSkips.RECEIVE);              // the probe found nothing
            assertEquals(want, run(s, FastPathSkips.RECEIVE));
        }
    }

    @Test
    void aHitReturnsToTheFastPathAndDirectionsAreIndependent() {
        FastPathSkips s = new FastPathSkips();
        s.missed(FastPathSkips.SEND);
        s.missed(FastPathSkips.SEND);
        assertFalse(s.skip(FastPathSkips.RECEIVE), "receives are not affected by send misses");
        assertEquals(3, run(s, FastPathSkips.SEND));
        s.hit(FastPathSkips.SEND);
        assertFalse(s.skip(FastPathSkips.SEND));
        s.missed(FastPathSkips.SEND);
        assertEquals(1, run(s, FastPathSkips.SEND), "after a hit the runs start short again");
    }
}
