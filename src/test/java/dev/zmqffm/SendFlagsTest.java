package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SendFlagsTest {

    @Test
    void bitsAreLibzmqs() {
        assertEquals(0, SendFlags.NONE.bits());
        assertEquals(1, SendFlags.DONT_WAIT.bits());
        assertEquals(2, SendFlags.SEND_MORE.bits());
    }

    @Test
    void combiningIsInternedAndCommutative() {
        SendFlags both = SendFlags.DONT_WAIT.and(SendFlags.SEND_MORE);
        assertSame(both, SendFlags.SEND_MORE.and(SendFlags.DONT_WAIT));
        assertSame(SendFlags.DONT_WAIT, SendFlags.DONT_WAIT.and(SendFlags.NONE));
        assertEquals(3, both.bits());
        assertTrue(both.contains(SendFlags.SEND_MORE));
        assertFalse(SendFlags.DONT_WAIT.contains(SendFlags.SEND_MORE));
        assertEquals("DONT_WAIT|SEND_MORE", both.toString());
    }
}
