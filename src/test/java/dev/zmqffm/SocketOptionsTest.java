package dev.zmqffm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import dev.zmqffm.testing.WithContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketOptionsTest extends WithContext {

    @Test
    void everyStableOptionIsThereOnceWithItsLibzmqNumber() {
        assertEquals(80, SocketOptions.all().size());
        Set<Integer> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (SocketOption<?> o : SocketOptions.all()) {
            assertTrue(ids.add(o.id()), "duplicate id " + o.id());
            assertTrue(names.add(o.name()), "duplicate name " + o.name());
            assertTrue(o.isReadable() || o.isWritable(), o.name());
            assertEquals("ZMQ_" + o.name(), o.toString());
        }
        assertEquals(17, SocketOptions.LINGER.id());
        assertEquals(31, SocketOptions.IPV4ONLY.id());
        assertEquals(92, SocketOptions.BINDTODEVICE.id());
        assertFalse(ids.contains(70), "BLOCKY is a context option");
    }

    /** Every readable option can be read on a socket type that supports it, with the right size. */
    @Test
    void everyReadableOptionReads() {
        try (Socket dealer = ctx.socket(SocketType.DEALER)) {
            for (SocketOption<?> o : SocketOptions.all()) {
                if (!o.isReadable() || o.name().startsWith("VMCI")) {
                    continue;
                }
                Object value = dealer.get(o);
                assertNotNull(value, o.name());
                assertTrue(o.type().isInstance(value), o.name() + " gave " + value.getClass());
            }
        }
    }

    @Test
    void vmciOptionsAreReportedByLibzmqNotCrash() {
        try (Socket dealer = ctx.socket(SocketType.DEALER)) {
            ZmqException e = assertThrows(ZmqException.class, () -> dealer.get(SocketOptions.VMCI_BUFFER_SIZE));
            assertEquals(Errno.EINVAL, e.errno());
        }
    }

    @Test
    void intLongBooleanAndDurationOptionsRoundTrip() {
        try (Socket s = ctx.socket(SocketType.DEALER)) {
            s.set(SocketOptions.SNDHWM, 12345);
            assertEquals(12345, s.get(SocketOptions.SNDHWM));
            s.set(SocketOptions.MAXMSGSIZE, 1L << 33);
            assertEquals(1L << 33, s.get(SocketOptions.MAXMSGSIZE));
            s.set(SocketOptions.AFFINITY, 3L);
            assertEquals(3L, s.get(SocketOptions.AFFINITY));
            s.set(SocketOptions.IMMEDIATE, true);
            assertTrue(s.get(SocketOptions.IMMEDIATE));
            s.set(SocketOptions.IMMEDIATE, false);
            assertFalse(s.get(SocketOptions.IMMEDIATE));
            s.set(SocketOptions.RCVTIMEO, Duration.ofMillis(1500));
            assertEquals(Duration.ofMillis(1500), s.get(SocketOptions.RCVTIMEO));
            s.set(SocketOptions.RCVTIMEO, SocketOptions.INFINITE);
            assertEquals(SocketOptions.INFINITE, s.get(SocketOptions.RCVTIMEO));
            s.set(SocketOptions.SNDTIMEO, Duration.ofNanos(1));
            assertEquals(Duration.ofMillis(1), s.get(SocketOptions.SNDTIMEO), "sub-millisecond rounds up");
            s.set(SocketOptions.HEARTBEAT_IVL, Duration.ofSeconds(2));
            assertEquals(Duration.ofSeconds(2), s.get(SocketOptions.HEARTBEAT_IVL));
            s.set(SocketOptions.TCP_KEEPALIVE, 1);
            assertEquals(1, s.get(SocketOptions.TCP_KEEPALIVE));
            assertThrows(IllegalArgumentException.class, () -> s.set(SocketOptions.LINGER, Duration.ofMillis(-2)));
            assertThrows(IllegalArgumentException.class, () -> s.set(SocketOptions.LINGER, Duration.ofDays(30)));
            assertThrows(NullPointerException.class, () -> s.set(SocketOptions.LINGER, null));
        }
    }

    @Test
    void binaryAndStringOptionsRoundTrip() {
        try (Socket s = ctx.socket(SocketType.DEALER)) {
            s.set(SocketOptions.ROUTING_ID, new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {1, 2, 3}, s.get(SocketOptions.ROUTING_ID));
            s.set(SocketOptions.ZAP_DOMAIN, "global");
            assertEquals("global", s.get(SocketOptions.ZAP_DOMAIN));
            s.set(SocketOptions.PLAIN_USERNAME, "admin");
            assertEquals("admin", s.get(SocketOptions.PLAIN_USERNAME));
            assertEquals(Mechanism.PLAIN, s.get(SocketOptions.MECHANISM));
            // Refused: libzmq 4.3.4 aborts on close after a failed SOCKS handshake (AbortTest).
            assertThrows(UnsupportedOperationException.class, () -> s.set(SocketOptions.SOCKS_PROXY, "127.0.0.1:1080"));
            assertEquals("", s.get(SocketOptions.SOCKS_PROXY));
            assertThrows(IllegalArgumentException.class, () -> s.set(SocketOptions.ZAP_DOMAIN, "a\u0000b"));
            assertEquals("", s.get(SocketOptions.LAST_ENDPOINT));
            String ep = s.bind("tcp://127.0.0.1:*");
            assertEquals(ep, s.get(SocketOptions.LAST_ENDPOINT));
        }
    }

    @Test
    void curveKeysRoundTripAsKeys() {
        CurveKey.KeyPair pair = CurveKey.generateKeyPair();
        try (Socket s = ctx.socket(SocketType.DEALER)) {
            s.set(SocketOptions.CURVE_SERVER, true);
            s.set(SocketOptions.CURVE_SECRETKEY, pair.secretKey());
            s.set(SocketOptions.CURVE_PUBLICKEY, pair.publicKey());
            assertThrows(UnsupportedOperationException.class, () -> s.get(SocketOptions.CURVE_SECRETKEY),
                    "a secret key is never read back");
            assertEquals(pair.publicKey(), s.get(SocketOptions.CURVE_PUBLICKEY));
            assertEquals(Mechanism.CURVE, s.get(SocketOptions.MECHANISM));
        }
    }

    @Test
    void directionIsEnforcedBeforeLibzmq() {
        try (Socket sub = ctx.socket(SocketType.SUB)) {
            UnsupportedOperationException w = assertThrows(UnsupportedOperationException.class,
                    () -> sub.get(SocketOptions.SUBSCRIBE));
            assertTrue(w.getMessage().contains("write-only"));
            UnsupportedOperationException r = assertThrows(UnsupportedOperationException.class,
                    () -> sub.set(SocketOptions.TYPE, SocketType.PUB));
            assertTrue(r.getMessage().contains("read-only"));
            assertThrows(UnsupportedOperationException.class, () -> sub.set(SocketOptions.RCVMORE, true));
            sub.set(SocketOptions.SUBSCRIBE, "topic".getBytes(UTF_8));
        }
    }

    @Test
    void eventsAndDescriptorDescribeReadiness() {
        try (Socket pull = ctx.socket(SocketType.PULL); Socket push = ctx.socket(SocketType.PUSH)) {
            pull.bind("inproc://events");
            push.connect("inproc://events");
            assertTrue(pull.get(SocketOptions.FD) >= 0);
            assertFalse(pull.get(SocketOptions.EVENTS).contains(PollEvent.IN));
            push.send("x");
            assertTrue(pull.get(SocketOptions.EVENTS).contains(PollEvent.IN));
            assertTrue(push.get(SocketOptions.EVENTS).contains(PollEvent.OUT));
            assertFalse(pull.get(SocketOptions.THREAD_SAFE));
        }
    }
}
