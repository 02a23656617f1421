package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostUnreachableExceptionTest {

    @Test
    void mandatoryRouterRefusesUnknownPeersAndDropsSilentlyWithout() {
        try (Context ctx = Context.create(); Socket router = ctx.socket(SocketType.ROUTER)) {
            assertTrue(router.send("nobody", SendFlags.SEND_MORE), "default ROUTER drops silently");
            assertTrue(router.send("lost"));
            router.set(SocketOptions.ROUTER_MANDATORY, true);
            assertThrows(HostUnreachableException.class, () -> router.send("nobody", SendFlags.SEND_MORE));
        }
    }
}
