package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ContextTerminatedExceptionTest {

    @Test
    void everyCallAfterShutdownThrowsIt() {
        try (Context ctx = Context.create(); Socket s = ctx.socket(SocketType.PULL)) {
            ctx.shutdown();
            ContextTerminatedException e = assertThrows(ContextTerminatedException.class,
                    () -> s.receiveBytes(ReceiveFlags.DONT_WAIT));
            assertEquals(Errno.ETERM, e.errno());
            assertThrows(ContextTerminatedException.class, () -> s.bind("inproc://late"));
            assertThrows(ContextTerminatedException.class, () -> ctx.socket(SocketType.PUSH));
        }
    }
}
