package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SocketOptionTest {

    @Test
    void describesNameTypeAndDirection() {
        SocketOption<Duration> linger = SocketOptions.LINGER;
        assertEquals("LINGER", linger.name());
        assertEquals(Duration.class, linger.type());
        assertTrue(linger.isReadable());
        assertTrue(linger.isWritable());

        assertTrue(SocketOptions.SUBSCRIBE.isWritable());
        assertFalse(SocketOptions.SUBSCRIBE.isReadable());
        assertEquals(byte[].class, SocketOptions.SUBSCRIBE.type());

        assertTrue(SocketOptions.LAST_ENDPOINT.isReadable());
        assertFalse(SocketOptions.LAST_ENDPOINT.isWritable());
        assertEquals(Set.class, SocketOptions.EVENTS.type());
        assertEquals(CurveKey.class, SocketOptions.CURVE_SERVERKEY.type());
        assertEquals("ZMQ_SNDHWM", SocketOptions.SNDHWM.toString());
    }

    @Test
    void directionMatchesTheProbedTable() {
        // From libzmq 4.3.4 probed on this platform (shared/design/socket-options.md).
        for (SocketOption<?> o : Set.of(SocketOptions.ROUTER_MANDATORY, SocketOptions.XPUB_VERBOSE,
                SocketOptions.PROBE_ROUTER, SocketOptions.REQ_CORRELATE, SocketOptions.REQ_RELAXED,
                SocketOptions.CONNECT_ROUTING_ID, SocketOptions.XPUB_WELCOME_MSG, SocketOptions.STREAM_NOTIFY,
                SocketOptions.IPC_FILTER_PID, SocketOptions.TCP_ACCEPT_FILTER, SocketOptions.XPUB_MANUAL)) {
            assertFalse(o.isReadable(), o.name());
            assertTrue(o.isWritable(), o.name());
        }
        for (SocketOption<?> o : Set.of(SocketOptions.RCVMORE, SocketOptions.FD, SocketOptions.EVENTS,
                SocketOptions.TYPE, SocketOptions.MECHANISM, SocketOptions.THREAD_SAFE)) {
            assertTrue(o.isReadable(), o.name());
            assertFalse(o.isWritable(), o.name());
        }
    }
}
