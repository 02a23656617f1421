package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MechanismTest {

    @Test
    void socketsReportTheirMechanism() {
        try (Context ctx = Context.create(); Socket s = ctx.socket(SocketType.DEALER)) {
            assertEquals(Mechanism.NULL, s.get(SocketOptions.MECHANISM));
            s.set(SocketOptions.PLAIN_SERVER, true);
            assertEquals(Mechanism.PLAIN, s.get(SocketOptions.MECHANISM));
        }
        assertEquals(Mechanism.GSSAPI, Mechanism.of(3));
        assertEquals(2, Mechanism.CURVE.code());
    }
}
