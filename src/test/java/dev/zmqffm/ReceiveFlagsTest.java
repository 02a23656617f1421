package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReceiveFlagsTest {

    @Test
    void bitsAreLibzmqs() {
        assertEquals(0, ReceiveFlags.NONE.bits());
        assertEquals(1, ReceiveFlags.DONT_WAIT.bits());
        assertEquals("DONT_WAIT", ReceiveFlags.DONT_WAIT.toString());
    }

    @Test
    void dontWaitReturnsAtOnce() {
        try (Context ctx = Context.create(); Socket pull = ctx.socket(SocketType.PULL)) {
            pull.bind("inproc://flags");
            assertEquals(Optional.empty(), pull.receiveString(ReceiveFlags.DONT_WAIT));
        }
    }
}
