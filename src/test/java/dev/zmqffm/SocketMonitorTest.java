package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import dev.zmqffm.testing.WithContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketMonitorTest extends WithContext {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static List<MonitorEvent.Type> until(SocketMonitor m, MonitorEvent.Type last) {
        List<MonitorEvent.Type> seen = new ArrayList<>();
        while (true) {
            Optional<MonitorEvent> e = m.next(WAIT);
            if (e.isEmpty()) {
                throw new AssertionError("no " + last + "; saw " + seen);
            }
            seen.add(e.get().type());
            if (e.get().type() == last) {
                return seen;
            }
        }
    }

    @Test
    void reportsListeningAcceptedConnectedAndHandshake() {
        try (Socket server = ctx.socket(SocketType.REP); Socket client = ctx.socket(SocketType.REQ);
             SocketMonitor sm = SocketMonitor.start(server, MonitorEvent.Type.ALL);
             SocketMonitor cm = SocketMonitor.start(client, MonitorEvent.Type.ALL)) {
            String ep = server.bind("tcp://127.0.0.1:*");
            MonitorEvent listening = sm.next(WAIT).orElseThrow();
            assertEquals(MonitorEvent.Type.LISTENING, listening.type());
            assertEquals(ep, listening.endpoint());
            assertTrue(listening.value() >= 0, "a file descriptor");
            client.connect(ep);
            assertTrue(until(cm, MonitorEvent.Type.HANDSHAKE_SUCCEEDED).contains(MonitorEvent.Type.CONNECTED));
            assertTrue(until(sm, MonitorEvent.Type.HANDSHAKE_SUCCEEDED).contains(MonitorEvent.Type.ACCEPTED));
            assertEquals(cm.socket(), client);
        }
    }

    @Test
    void reportsRetriesWhenNobodyListens() {
        try (Socket client = ctx.socket(SocketType.DEALER);
             SocketMonitor m = SocketMonitor.start(client, EnumSet.of(MonitorEvent.Type.CONNECT_RETRIED))) {
            client.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(20));
            client.connect("tcp://127.0.0.1:1");
            MonitorEvent e = m.next(WAIT).orElseThrow();
            assertEquals(MonitorEvent.Type.CONNECT_RETRIED, e.type());
            assertEquals("tcp://127.0.0.1:1", e.endpoint());
            assertTrue(e.value() >= 20, "retry interval " + e.value());
        }
    }

    @Test
    void failedAuthenticationIsAnEvent() {
        try (Socket server = ctx.socket(SocketType.REP); Socket client = ctx.socket(SocketType.REQ);
             Socket zap = ctx.socket(SocketType.REP)) {
            zap.bind("inproc://zeromq.zap.01");
            server.set(SocketOptions.PLAIN_SERVER, true);
            String ep = server.bind("tcp://127.0.0.1:*");
            try (SocketMonitor m = SocketMonitor.start(server, EnumSet.of(MonitorEvent.Type.HANDSHAKE_FAILED_AUTH))) {
                client.set(SocketOptions.PLAIN_USERNAME, "mallory");
                client.set(SocketOptions.PLAIN_PASSWORD, "guess");
                client.connect(ep);
                // Our ZAP handler refuses everyone.
                List<byte[]> request = zap.receiveMultipart(WAIT).orElseThrow();
                zap.sendMultipart(List.of(request.get(0), request.get(1), "400".getBytes(), "denied".getBytes(),
                        new byte[0], new byte[0]));
                MonitorEvent e = m.next(WAIT).orElseThrow();
                assertEquals(MonitorEvent.Type.HANDSHAKE_FAILED_AUTH, e.type());
                assertEquals(400, e.value());
            }
        }
    }

    @Test
    void monitoredSocketClosingFirstEndsTheStream() {
        Socket s = ctx.socket(SocketType.PUB);
        try (SocketMonitor m = SocketMonitor.start(s, MonitorEvent.Type.ALL)) {
            s.bind("tcp://127.0.0.1:*");
            s.close();
            List<MonitorEvent> events = new ArrayList<>();
            m.forEach(events::add);                      // ends after MONITOR_STOPPED
            assertEquals(MonitorEvent.Type.MONITOR_STOPPED, events.get(events.size() - 1).type());
            assertTrue(events.stream().anyMatch(e -> e.type() == MonitorEvent.Type.LISTENING));
        }
        assertEquals(0, ctx.openSockets(), "the monitor's PAIR socket was closed");
    }

    @Test
    void stopAndRestartLeaksNothing() {
        try (Socket s = ctx.socket(SocketType.ROUTER)) {
            for (int i = 0; i < 20; i++) {
                SocketMonitor m = SocketMonitor.start(s, Set.of(MonitorEvent.Type.LISTENING));
                assertEquals(2, ctx.openSockets());
                m.close();
                m.close();
                assertThrows(IllegalStateException.class, () -> m.next(Duration.ZERO));
            }
            assertEquals(1, ctx.openSockets());
        }
    }

    @Test
    void contextClosingFirstIsClean() {
        Context other = Context.create();
        Socket s = other.socket(SocketType.PULL);
        SocketMonitor m = SocketMonitor.start(s, MonitorEvent.Type.ALL);
        long start = System.nanoTime();
        other.close();
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2000);
        assertThrows(ContextTerminatedException.class, () -> m.next(Duration.ofMillis(10)));
        m.close();
        assertFalse(other.openSockets() > 0);
    }

    @Test
    void emptyEventSetIsRejected() {
        try (Socket s = ctx.socket(SocketType.PAIR)) {
            assertThrows(IllegalArgumentException.class, () -> SocketMonitor.start(s, Set.of()));
        }
    }

    @Test
    void closingAfterAFloodOfUnreadEventsNeverBlocks() throws Exception {
        try (Socket client = ctx.socket(SocketType.DEALER)) {
            client.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(1));
            SocketMonitor m = SocketMonitor.start(client, MonitorEvent.Type.ALL);
            client.connect("tcp://127.0.0.1:1");
            Thread.sleep(1500);                           // thousands of events nobody reads
            long start = System.nanoTime();
            m.close();
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1000);
        }
    }

    /**
     * Closed while another thread is blocked in the monitored socket: libzmq's monitor stays
     * active until that thread leaves, so its reader must stay connected — a closed reader made
     * the I/O thread's next event send wait forever, and the message below never arrived.
     */
    @Test
    void closingWhileTheSocketIsBusyStopsWhenItsThreadLeaves() throws Exception {
        int before = ctx.openSockets();
        Socket pull = ctx.socket(SocketType.PULL);
        String ep = pull.bind("tcp://127.0.0.1:*");
        SocketMonitor m = SocketMonitor.start(pull, MonitorEvent.Type.ALL);
        List<String> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread receiver = new Thread(() -> pull.receiveString(WAIT).ifPresent(got::add));
        receiver.start();
        while (!pull.guard().isBusy()) {
            Thread.onSpinWait();
        }
        m.close();                                  // the PULL is busy: the stop is deferred
        try (Socket push = ctx.socket(SocketType.PUSH)) {
            push.connect(ep);                       // ACCEPTED and HANDSHAKE events on the I/O thread
            push.send("through");
            receiver.join(WAIT.toMillis() + 5000);
            assertFalse(receiver.isAlive());
            assertEquals(List.of("through"), got);
        }
        pull.close();
        assertEquals(before, ctx.openSockets(), "the reader closed once the stop ran");
    }

    @Test
    void aSocketHasOneMonitorAtATime() {
        try (Socket s = ctx.socket(SocketType.DEALER)) {
            SocketMonitor first = SocketMonitor.start(s, MonitorEvent.Type.ALL);
            assertThrows(IllegalStateException.class, () -> SocketMonitor.start(s, MonitorEvent.Type.ALL));
            first.close();
            try (SocketMonitor second = SocketMonitor.start(s, EnumSet.of(MonitorEvent.Type.LISTENING))) {
                s.bind("tcp://127.0.0.1:*");
                assertEquals(MonitorEvent.Type.LISTENING, second.next(WAIT).orElseThrow().type());
            }
        }
    }

    @Test
    void aReaderWhoseSocketClosedFirstIsClosedOnceTheStopArrived() throws Exception {
        int before = ctx.openSockets();
        Socket s = ctx.socket(SocketType.PUB);
        s.set(SocketOptions.LINGER, Duration.ZERO);
        SocketMonitor m = SocketMonitor.start(s, EnumSet.of(MonitorEvent.Type.LISTENING));
        s.bind("tcp://127.0.0.1:*");
        s.close();
        m.close();                                  // MONITOR_STOPPED may not have come yet
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (ctx.openSockets() != before && System.nanoTime() < deadline) {
            ctx.socket(SocketType.PAIR).close();    // each new socket closes the readers whose stop came
            Thread.sleep(5);
        }
        assertEquals(before, ctx.openSockets());
    }
}
