package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ZmqExceptionTest {

    @Test
    void carriesErrnoCodeOperationAndLibzmqText() {
        try (Context ctx = Context.create(); Socket pair = ctx.socket(SocketType.PAIR)) {
            ZmqException e = assertThrows(ZmqException.class, () -> pair.bind("ipc:///nonexistent-dir/x/y.ipc"));
            assertTrue(e.operation().startsWith("zmq_bind"), e.operation());
            assertEquals(Errno.ENOENT, e.errno());
            assertSame(Errno.of(e.code()), e.errno());
            assertTrue(e.getMessage().contains(e.errno().name()), e.getMessage());
        }
    }

    @Test
    void unknownCodesKeepTheirNumber() {
        ZmqException e = new ZmqException("op", 424242, "strange");
        assertEquals(Errno.UNKNOWN, e.errno());
        assertEquals(424242, e.code());
        assertEquals("op: strange (UNKNOWN 424242)", e.getMessage());
    }

    @Test
    void failuresMapToTheirSubclasses() {
        assertEquals(ContextTerminatedException.class, Failures.of("x", Errno.ETERM.code()).getClass());
        assertEquals(SocketStateException.class, Failures.of("x", Errno.EFSM.code()).getClass());
        assertEquals(AddressInUseException.class, Failures.of("x", Errno.EADDRINUSE.code()).getClass());
        assertEquals(HostUnreachableException.class, Failures.of("x", Errno.EHOSTUNREACH.code()).getClass());
        assertEquals(ZmqException.class, Failures.of("x", Errno.EINVAL.code()).getClass());
        assertTrue(Failures.of("x", Errno.ETERM.code()).getMessage().contains("Context was terminated"));
    }

    @Test
    void errnoSurvivesSerialization() throws Exception {
        ZmqException sent = new AddressInUseException("zmq_bind", Errno.EADDRINUSE.code(), "Address already in use");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(sent);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            ZmqException received = (ZmqException) in.readObject();
            assertSame(Errno.EADDRINUSE, received.errno());
            assertEquals(sent.code(), received.code());
        }
    }
}
