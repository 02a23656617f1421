package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrnoTest {

    @Test
    void linuxValuesAndLibzmqOwnCodes() {
        // This suite runs on Linux; the table also carries macOS numbers.
        assertEquals(11, Errno.EAGAIN.code());
        assertEquals(4, Errno.EINTR.code());
        assertEquals(98, Errno.EADDRINUSE.code());
        assertEquals(156384765, Errno.ETERM.code());
        assertEquals(156384763, Errno.EFSM.code());
        assertEquals(156384764, Errno.ENOCOMPATPROTO.code());
        assertEquals(156384766, Errno.EMTHREAD.code());
    }

    @Test
    void lookupByCode() {
        assertEquals(Errno.EHOSTUNREACH, Errno.of(113));
        assertEquals(Errno.ETERM, Errno.of(156384765));
        assertEquals(Errno.UNKNOWN, Errno.of(-1));
        assertEquals(Errno.UNKNOWN, Errno.of(424242));
    }

    @Test
    void everyKnownCodeIsDistinct() {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (Errno e : Errno.values()) {
            if (e != Errno.UNKNOWN) {
                assertEquals(true, seen.add(e.code()), e + " reuses " + e.code());
                assertEquals(e, Errno.of(e.code()));
            }
        }
    }
}
