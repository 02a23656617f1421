package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SocketStateExceptionTest {

    @Test
    void repCannotReplyBeforeARequest() {
        try (Context ctx = Context.create(); Socket rep = ctx.socket(SocketType.REP)) {
            SocketStateException e = assertThrows(SocketStateException.class, () -> rep.send("early"));
            assertEquals(Errno.EFSM, e.errno());
        }
    }

    @Test
    void reqCannotReceiveBeforeARequest() {
        try (Context ctx = Context.create(); Socket req = ctx.socket(SocketType.REQ)) {
            assertThrows(SocketStateException.class, () -> req.receiveBytes(ReceiveFlags.DONT_WAIT));
        }
    }
}
