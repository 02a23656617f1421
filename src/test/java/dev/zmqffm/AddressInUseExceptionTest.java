package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AddressInUseExceptionTest {

    @Test
    void secondBindOfAnInprocNameAndATcpPort() {
        try (Context ctx = Context.create();
             Socket a = ctx.socket(SocketType.PUB);
             Socket b = ctx.socket(SocketType.PUB)) {
            a.bind("inproc://taken");
            AddressInUseException e = assertThrows(AddressInUseException.class, () -> b.bind("inproc://taken"));
            assertEquals(Errno.EADDRINUSE, e.errno());
            String tcp = a.bind("tcp://127.0.0.1:*");
            AddressInUseException t = assertThrows(AddressInUseException.class, () -> b.bind(tcp));
            assertTrue(t.operation().contains(tcp), t.operation());
        }
    }
}
