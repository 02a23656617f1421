package dev.zmqffm.internal.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private List<RecordedEvent> record(Runnable work) throws Exception {
        Path file = dir.resolve("events.jfr");
        try (Recording r = new Recording(Configuration.getConfiguration("default"))) {
            r.start();
            work.run();
            r.stop();
            r.dump(file);
        }
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().startsWith("zmqffm.")).toList();
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
        List<RecordedEvent> events = record(() -> {
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
}
