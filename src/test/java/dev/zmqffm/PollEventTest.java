package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class PollEventTest {

    @Test
    void bitsMatchLibzmqAndRoundTrip() {
        assertEquals(1, PollEvent.IN.bit());
        assertEquals(2, PollEvent.OUT.bit());
        assertEquals(4, PollEvent.ERR.bit());
        assertEquals(8, PollEvent.PRI.bit());
        assertEquals(EnumSet.of(PollEvent.IN, PollEvent.ERR), PollEvent.decode(5));
        assertEquals(3, PollEvent.bits(EnumSet.of(PollEvent.IN, PollEvent.OUT)));
        assertEquals(EnumSet.noneOf(PollEvent.class), PollEvent.decode(0));
    }
}
