package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void anUncheckedOptionReachesLibzmq() {
        SocketOption<Boolean> multicastLoop = SocketOption.unchecked(96, Boolean.class);   // ZMQ_MULTICAST_LOOP
        assertTrue(multicastLoop.isUnchecked());
        assertTrue(multicastLoop.isReadable() && multicastLoop.isWritable());
        assertEquals("option 96 (unchecked)", multicastLoop.toString());
        try (Context ctx = Context.create(); Socket s = ctx.socket(SocketType.DEALER)) {
            assertEquals(true, s.get(multicastLoop));
            s.set(multicastLoop, false);
            assertEquals(false, s.get(multicastLoop));
            ZmqException e = assertThrows(ZmqException.class, () -> s.get(SocketOption.unchecked(999, Integer.class)));
            assertEquals(Errno.EINVAL, e.errno());
        }
    }

    @Test
    void uncheckedRefusesKnownNumbersAndUnsupportedTypes() {
        IllegalArgumentException known = assertThrows(IllegalArgumentException.class,
                () -> SocketOption.unchecked(17, Integer.class));
        assertTrue(known.getMessage().contains("SocketOptions.LINGER"), known.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SocketOption.unchecked(96, Set.class));
        assertThrows(NullPointerException.class, () -> SocketOption.unchecked(96, null));
        assertFalse(SocketOptions.LINGER.isUnchecked());
    }

    @Test
    void formatSaysInfiniteWhereDurationToStringWouldNot() {
        assertEquals("PT2562047788015215H30M7.999999999S", SocketOptions.INFINITE.toString());
        assertEquals("infinite", SocketOptions.RCVTIMEO.format(SocketOptions.INFINITE));
        assertEquals("1500 ms", SocketOptions.RCVTIMEO.format(Duration.ofMillis(1500)));
        assertEquals("0x00ff", SocketOptions.ROUTING_ID.format(new byte[] {0, -1}));
        assertEquals("1000", SocketOptions.SNDHWM.format(1000));
        try (Context ctx = Context.create(); Socket s = ctx.socket(SocketType.PULL)) {
            assertEquals("infinite", SocketOptions.RCVTIMEO.format(s.get(SocketOptions.RCVTIMEO)));
        }
    }
}
