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

    /**
     * A platform thread's blocking call first attempts without errno; the error must still come
     * out of the blocking call that follows, for every form (and not as "would block").
     */
    @Test
    void blockingFormsReportTheStateErrorAtOnce() {
        try (Context ctx = Context.create(); Socket req = ctx.socket(SocketType.REQ);
             Socket rep = ctx.socket(SocketType.REP); Message message = new Message()) {
            assertEquals(Errno.EFSM, assertThrows(SocketStateException.class, () -> req.receive(message)).errno());
            assertEquals(Errno.EFSM, assertThrows(SocketStateException.class,
                    () -> req.receive(new byte[8], ReceiveFlags.NONE)).errno());
            assertEquals(Errno.EFSM, assertThrows(SocketStateException.class, req::receiveBytes).errno());
            message.rebuild(4);
            assertEquals(Errno.EFSM, assertThrows(SocketStateException.class, () -> rep.send(message)).errno());
            assertEquals(Errno.EFSM, assertThrows(SocketStateException.class, () -> rep.send(new byte[4])).errno());
            assertEquals(4, message.size(), "a refused message stays the caller's");
        }
    }
}
