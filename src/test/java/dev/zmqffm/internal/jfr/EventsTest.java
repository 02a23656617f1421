package dev.zmqffm.internal.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.Authenticator;
import dev.zmqffm.Context;
import dev.zmqffm.DomainPolicy;
import dev.zmqffm.MonitorEvent;
import dev.zmqffm.PasswordStore;
import dev.zmqffm.PollEvent;
import dev.zmqffm.Poller;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketMonitor;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketSecurity;
import dev.zmqffm.SocketType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The facade against real recordings, with the JDK's own default settings. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EventsTest {
    @TempDir
    Path dir;

    /** What a test does while recording. */
    private interface Work {
        void run() throws Exception;
    }

    private List<RecordedEvent> record(Work work) throws Exception {
        try (Recording r = new Recording(Configuration.getConfiguration("default"))) {
            return record(r, work);
        }
    }

    private List<RecordedEvent> record(Recording r, Work work) throws Exception {
        Path file = dir.resolve("events.jfr");
        r.start();
        work.run();
        r.stop();
        r.dump(file);
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().startsWith("zmqffm.")).toList();
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }

    private static RecordedEvent only(List<RecordedEvent> events, String name, String socketType) {
        List<RecordedEvent> found = named(events, name).stream()
                .filter(e -> e.getString("socketType").equals(socketType)).toList();
        assertEquals(1, found.size(), name + " of " + socketType + " in " + events);
        return found.get(0);
    }

    /** A TCP endpoint nothing listens on: bound, then released. */
    private static String closedEndpoint(Context ctx) {
        try (Socket probe = ctx.socket(SocketType.PULL)) {
            return probe.bind("tcp://127.0.0.1:*");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void nothingIsBegunWithoutARecording() {
        assertNull(Events.beginSend());
        assertNull(Events.beginReceive());
        assertNull(Events.beginPoll());
        assertNull(Events.beginContextClose());
        Events.endReceive(null, "REP", 1, 0, -1, false);     // a null token is a no-op
    }

    @Test
    void aLongReceiveIsRecordedWithTheDefaultSettingsAndAShortOneIsNot() throws Exception {
        List<RecordedEvent> all = record(() -> {
            // The first event after the recording starts may pay for JFR's own set-up: id 6, ignored.
            Events.endReceive(Events.beginReceive(), "PULL", 6, 0, -1, true);
            Object quick = Events.beginReceive();
            assertNotNull(quick);
            Events.endReceive(quick, "PULL", 7, 3, -1, true);             // well under 20 ms
            Object slow = Events.beginReceive();
            sleep(60);
            Events.endReceive(slow, "REP", 8, 5, 1500, true);
            Object send = Events.beginSend();
            sleep(60);
            Events.endSend(send, "PUSH", 9, 11, -1, false);
        });
        List<RecordedEvent> events = all.stream().filter(e -> e.getLong("socketId") != 6).toList();
        assertEquals(2, events.size(), events.toString());
        RecordedEvent receive = events.stream().filter(e -> e.getEventType().getName().equals("zmqffm.Receive"))
                .findFirst().orElseThrow();
        assertEquals("REP", receive.getString("socketType"));
        assertEquals(8, receive.getLong("socketId"));
        assertEquals(5, receive.getLong("bytes"));
        assertEquals(1500, receive.getDuration("timeout").toMillis());
        assertTrue(receive.getBoolean("completed"));
        assertTrue(receive.getDuration().toMillis() >= 50, receive.toString());
        assertNotNull(receive.getStackTrace(), "stack trace of the waiting caller");
        RecordedEvent send = events.stream().filter(e -> e.getEventType().getName().equals("zmqffm.Send"))
                .findFirst().orElseThrow();
        assertFalse(send.getBoolean("completed"));
        assertEquals("PUSH", send.getString("socketType"));
    }

    @Test
    void lifecycleConnectionAndAuthenticationEventsAreRecorded() throws Exception {
        List<RecordedEvent> events = record(() -> {
            long ctx = Events.newId();
            long socket = Events.newId();
            Events.contextCreated(ctx);
            Events.socketOpened(ctx, socket, "ROUTER");
            Events.connectionProblem(socket, "HANDSHAKE_FAILED_AUTH", "tcp://127.0.0.1:5555", 400);
            Events.authentication("global", "127.0.0.1", "CURVE", "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7", 400,
                    "unknown key");
            Events.socketClosed(socket, "ROUTER");
            Object close = Events.beginContextClose();
            Events.contextClosed(close, ctx, 1, 500);
        });
        List<String> names = events.stream().map(e -> e.getEventType().getName()).toList();
        assertEquals(List.of("zmqffm.ContextCreate", "zmqffm.SocketOpen", "zmqffm.Connection", "zmqffm.Authentication",
                "zmqffm.SocketClose", "zmqffm.ContextClose"), names);
        assertEquals("HANDSHAKE_FAILED_AUTH", events.get(2).getString("event"));
        assertEquals(400, events.get(3).getInt("statusCode"));
        assertEquals(1, events.get(5).getInt("socketsClosed"));
    }

    @Test
    void eventsAreInTheZeroMqCategory() throws Exception {
        List<RecordedEvent> events = record(() -> Events.contextCreated(Events.newId()));
        assertEquals(1, events.size());
        assertEquals(List.of("ZeroMQ", "Lifecycle"), events.get(0).getEventType().getCategoryNames());
        assertTrue(Files.size(dir.resolve("events.jfr")) > 0);
    }

    // --- the library's own calls, recorded -------------------------------------------------

    @Test
    void aRequestReplyRoundTripThatWaitsShowsTheReceivesOfBothSockets() throws Exception {
        List<RecordedEvent> events = record(() -> {
            try (Context ctx = Context.create();
                 Socket rep = ctx.socket(SocketType.REP);
                 Socket req = ctx.socket(SocketType.REQ)) {
                String endpoint = rep.bind("tcp://127.0.0.1:*");
                req.connect(endpoint);
                Thread server = Thread.ofPlatform().start(() -> {
                    String request = rep.receiveString().orElseThrow();   // waits ~60 ms for it
                    sleep(60);
                    rep.send(request + "!");
                });
                try {
                    sleep(60);
                    req.send("hello");
                    assertEquals("hello!", req.receiveString().orElseThrow());   // waits ~60 ms
                } finally {
                    server.join(10_000);
                }
            }
        });
        long repId = only(events, "zmqffm.SocketOpen", "REP").getLong("socketId");
        long reqId = only(events, "zmqffm.SocketOpen", "REQ").getLong("socketId");
        RecordedEvent served = only(events, "zmqffm.Receive", "REP");
        assertEquals(repId, served.getLong("socketId"));
        assertEquals(5, served.getLong("bytes"));
        assertTrue(served.getBoolean("completed"));
        assertEquals(Events.NO_LIMIT, served.getLong("timeout"), "no RCVTIMEO");
        assertTrue(served.getDuration().toMillis() >= 40, served.toString());
        assertNotNull(served.getStackTrace());
        RecordedEvent answered = only(events, "zmqffm.Receive", "REQ");
        assertEquals(reqId, answered.getLong("socketId"));
        assertEquals(6, answered.getLong("bytes"));
        assertTrue(answered.getDuration().toMillis() >= 40, answered.toString());
        assertTrue(named(events, "zmqffm.Send").isEmpty(), "the sends had room: " + events);
    }

    @Test
    void callsThatTimeOutAreRecordedAsNotCompletedWithTheirTimeout() throws Exception {
        List<RecordedEvent> events = record(() -> {
            try (Context ctx = Context.create();
                 Socket push = ctx.socket(SocketType.PUSH);
                 Socket pull = ctx.socket(SocketType.PULL)) {
                pull.bind("inproc://events-timeout");
                assertTrue(pull.receiveBytes(Duration.ofMillis(80)).isEmpty());
                assertFalse(push.send(new byte[3], Duration.ofMillis(70)), "no peer: nowhere to send");
            }
        });
        RecordedEvent receive = only(events, "zmqffm.Receive", "PULL");
        assertFalse(receive.getBoolean("completed"));
        assertEquals(80, receive.getDuration("timeout").toMillis());
        assertEquals(0, receive.getLong("bytes"));
        RecordedEvent send = only(events, "zmqffm.Send", "PUSH");
        assertFalse(send.getBoolean("completed"));
        assertEquals(70, send.getDuration("timeout").toMillis());
        assertEquals(3, send.getLong("bytes"), "the size of what was not sent");
    }

    @Test
    void callsThatDoNotWaitAreNeverEventsEvenWithoutAThreshold() throws Exception {
        List<RecordedEvent> events;
        try (Recording r = new Recording()) {
            for (String name : List.of("zmqffm.Send", "zmqffm.Receive", "zmqffm.Poll")) {
                r.enable(name).withThreshold(Duration.ZERO);
            }
            events = record(r, () -> {
                try (Context ctx = Context.create();
                     Socket push = ctx.socket(SocketType.PUSH);
                     Socket pull = ctx.socket(SocketType.PULL);
                     Poller poller = new Poller()) {
                    pull.bind("inproc://events-fast");
                    push.connect("inproc://events-fast");
                    int in = poller.register(pull, PollEvent.IN);
                    assertTrue(push.send("one"));                      // room in the queue
                    while (poller.poll(Duration.ZERO) == 0) {          // never waits: no event
                        Thread.onSpinWait();
                    }
                    assertTrue(poller.isReadable(in));
                    assertEquals("one", pull.receiveString().orElseThrow()); // there already
                    assertTrue(pull.receiveBytes(Duration.ofMillis(5)).isEmpty()); // this one waits
                }
            });
        }
        List<RecordedEvent> waits = events.stream().filter(e -> List.of("zmqffm.Send", "zmqffm.Receive", "zmqffm.Poll")
                .contains(e.getEventType().getName())).toList();
        assertEquals(List.of("zmqffm.Receive"), waits.stream().map(e -> e.getEventType().getName()).toList(),
                waits.toString());
        assertFalse(waits.get(0).getBoolean("completed"));
    }

    @Test
    void aPollThatWaitsIsRecorded() throws Exception {
        List<RecordedEvent> events = record(() -> {
            try (Context ctx = Context.create();
                 Socket pull = ctx.socket(SocketType.PULL);
                 Poller poller = new Poller()) {
                pull.bind("inproc://events-poll");
                poller.register(pull, PollEvent.IN);
                assertEquals(0, poller.poll(Duration.ofMillis(60)));
            }
        });
        List<RecordedEvent> polls = named(events, "zmqffm.Poll");
        assertEquals(1, polls.size(), events.toString());
        assertEquals(1, polls.get(0).getInt("items"));
        assertEquals(0, polls.get(0).getInt("ready"));
        assertEquals(60, polls.get(0).getDuration("timeout").toMillis());
    }

    @Test
    void contextAndSocketLifecyclesAreRecordedWithTheirIds() throws Exception {
        List<RecordedEvent> events = record(() -> {
            Context ctx = Context.create();
            Socket pair = ctx.socket(SocketType.PAIR);
            ctx.socket(SocketType.DEALER);          // left open: the context's close closes it
            pair.close();
            ctx.close();
        });
        List<RecordedEvent> created = named(events, "zmqffm.ContextCreate");
        assertEquals(1, created.size(), events.toString());
        long contextId = created.get(0).getLong("contextId");
        RecordedEvent pairOpen = only(events, "zmqffm.SocketOpen", "PAIR");
        RecordedEvent dealerOpen = only(events, "zmqffm.SocketOpen", "DEALER");
        assertEquals(contextId, pairOpen.getLong("contextId"));
        assertEquals(contextId, dealerOpen.getLong("contextId"));
        assertEquals(pairOpen.getLong("socketId"), only(events, "zmqffm.SocketClose", "PAIR").getLong("socketId"));
        assertEquals(dealerOpen.getLong("socketId"), only(events, "zmqffm.SocketClose", "DEALER").getLong("socketId"));
        List<RecordedEvent> closed = named(events, "zmqffm.ContextClose");
        assertEquals(1, closed.size(), events.toString());
        assertEquals(contextId, closed.get(0).getLong("contextId"));
        assertEquals(1, closed.get(0).getInt("socketsClosed"), "the DEALER");
        assertEquals(500, closed.get(0).getDuration("linger").toMillis());
    }

    @Test
    void aConnectRetryReadFromAMonitorIsAConnectionEvent() throws Exception {
        MonitorEvent[] seen = new MonitorEvent[1];
        List<RecordedEvent> events = record(() -> {
            try (Context ctx = Context.create();
                 Socket dealer = ctx.socket(SocketType.DEALER)) {
                String nowhere = closedEndpoint(ctx);
                dealer.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(20));
                try (SocketMonitor monitor = SocketMonitor.start(dealer, EnumSet.of(MonitorEvent.Type.CONNECT_RETRIED,
                        MonitorEvent.Type.CONNECT_DELAYED))) {
                    dealer.connect(nowhere);
                    MonitorEvent e;
                    do {
                        e = monitor.next(Duration.ofSeconds(5)).orElseThrow();
                    } while (e.type() != MonitorEvent.Type.CONNECT_RETRIED);
                    seen[0] = e;
                }
            }
        });
        long dealerId = only(events, "zmqffm.SocketOpen", "DEALER").getLong("socketId");
        List<RecordedEvent> problems = named(events, "zmqffm.Connection");
        assertFalse(problems.isEmpty(), events.toString());
        assertTrue(problems.stream().allMatch(e -> e.getString("event").equals("CONNECT_RETRIED")),
                "CONNECT_DELAYED is not a problem: " + problems);
        RecordedEvent retried = problems.get(0);
        assertEquals(dealerId, retried.getLong("socketId"));
        assertEquals(seen[0].endpoint(), retried.getString("endpoint"));
        assertEquals(seen[0].value(), retried.getInt("value"));
    }

    private static final String GOOD_PASSWORD = "pw-Good-4711";
    private static final String BAD_PASSWORD = "pw-Guess-0815";

    /** A PLAIN server, one client with the right password and one with a wrong one. */
    private List<RecordedEvent> recordPlainLogins() throws Exception {
        return record(() -> {
            try (Context ctx = Context.create();
                 Authenticator auth = Authenticator.builder(ctx).policy("shop", DomainPolicy.builder()
                         .plain(PasswordStore.of(Map.of("alice", GOOD_PASSWORD))).build()).start();
                 Socket server = ctx.socket(SocketType.REP);
                 Socket alice = ctx.socket(SocketType.REQ);
                 Socket mallory = ctx.socket(SocketType.REQ)) {
                SocketSecurity.plainServer(auth, "shop").applyTo(server);
                String endpoint = server.bind("tcp://127.0.0.1:*");
                SocketSecurity.plainClient("alice", GOOD_PASSWORD.toCharArray()).applyTo(alice);
                SocketSecurity.plainClient("mallory", BAD_PASSWORD.toCharArray()).applyTo(mallory);
                alice.connect(endpoint);
                alice.send("hi");
                assertEquals("hi", server.receiveString(Duration.ofSeconds(10)).orElseThrow());
                server.send("ok");
                assertEquals("ok", alice.receiveString(Duration.ofSeconds(10)).orElseThrow());
                try (SocketMonitor monitor = SocketMonitor.start(mallory,
                        EnumSet.of(MonitorEvent.Type.HANDSHAKE_FAILED_AUTH))) {
                    mallory.connect(endpoint);
                    assertEquals(MonitorEvent.Type.HANDSHAKE_FAILED_AUTH,
                            monitor.next(Duration.ofSeconds(10)).orElseThrow().type());
                }
            }
        });
    }

    @Test
    void authenticationDecisionsAndTheRefusedHandshakeAreRecorded() throws Exception {
        List<RecordedEvent> events = recordPlainLogins();
        List<RecordedEvent> decisions = named(events, "zmqffm.Authentication");
        RecordedEvent allowed = decisions.stream().filter(e -> e.getString("identity").equals("alice"))
                .findFirst().orElseThrow(() -> new AssertionError(events.toString()));
        assertEquals(200, allowed.getInt("statusCode"));
        assertEquals("shop", allowed.getString("domain"));
        assertEquals("PLAIN", allowed.getString("mechanism"));
        assertEquals("127.0.0.1", allowed.getString("address"));
        RecordedEvent refused = decisions.stream().filter(e -> e.getString("identity").equals("mallory"))
                .findFirst().orElseThrow(() -> new AssertionError(events.toString()));
        assertEquals(400, refused.getInt("statusCode"));
        assertFalse(refused.getString("statusText").isEmpty());
        long malloryId = named(events, "zmqffm.SocketOpen").stream()
                .filter(e -> e.getString("socketType").equals("REQ")).mapToLong(e -> e.getLong("socketId")).max()
                .orElseThrow();
        RecordedEvent failed = named(events, "zmqffm.Connection").stream()
                .filter(e -> e.getString("event").equals("HANDSHAKE_FAILED_AUTH")).findFirst()
                .orElseThrow(() -> new AssertionError(events.toString()));
        assertEquals(malloryId, failed.getLong("socketId"));
        assertEquals(400, failed.getInt("value"), "the ZAP status");
    }

    @Test
    void noPasswordReachesTheRecording() throws Exception {
        List<RecordedEvent> events = recordPlainLogins();
        assertFalse(named(events, "zmqffm.Authentication").isEmpty());
        for (RecordedEvent e : events) {
            assertFalse(e.toString().contains(GOOD_PASSWORD) || e.toString().contains(BAD_PASSWORD), e.toString());
        }
        // The file as a whole, whatever event or constant pool a string could hide in. The user
        // names are there, so a password would be found the same way.
        String file = new String(Files.readAllBytes(dir.resolve("events.jfr")), StandardCharsets.ISO_8859_1);
        assertTrue(file.contains("mallory"));
        assertFalse(file.contains(GOOD_PASSWORD));
        assertFalse(file.contains(BAD_PASSWORD));
    }
}
