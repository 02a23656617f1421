package dev.zmqffm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.Context;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The warnings reach the platform's logging backend (java.util.logging by default). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WarningsTest {
    /** The records the dev.zmqffm logger gets while {@code work} runs. */
    private static List<LogRecord> logged(Runnable work) {
        Logger jul = Logger.getLogger(Warnings.LOGGER);
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        boolean parents = jul.getUseParentHandlers();
        jul.addHandler(capture);
        jul.setUseParentHandlers(false);
        try {
            work.run();
        } finally {
            jul.removeHandler(capture);
            jul.setUseParentHandlers(parents);
        }
        return records;
    }

    @Test
    void warningsGoToTheDevZmqffmLogger() {
        List<LogRecord> records = logged(() -> {
            Warnings.contextClosedWithOpenSockets("Context[open, sockets=2]", 2);
            Warnings.lingerExpired("Context[closing]", 503, 500);
        });
        assertEquals(2, records.size());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertTrue(records.get(0).getMessage().contains("2 socket(s) still open"), records.get(0).getMessage());
        assertTrue(records.get(1).getMessage().contains("linger of 500 ms"), records.get(1).getMessage());
    }

    @Test
    void closingAContextWithSocketsStillOpenWarnsOnceAndClosingCleanlyDoesNot() {
        List<LogRecord> records = logged(() -> {
            try (Context clean = Context.create(); Socket s = clean.socket(SocketType.PUB)) {
                s.bind("inproc://warnings-clean");
            }
            Context sloppy = Context.create();
            sloppy.socket(SocketType.PUB);
            sloppy.socket(SocketType.SUB);
            sloppy.close();
        });
        assertEquals(1, records.size(), () -> records.stream().map(LogRecord::getMessage).toList().toString());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertTrue(records.get(0).getMessage().contains("2 socket(s) still open"), records.get(0).getMessage());
    }

    @Test
    void aCloseThatWaitedTheWholeLingerWarnsThatMessagesWereDropped() {
        List<LogRecord> records = logged(() -> {
            try (Context ctx = Context.create()) {
                String nowhere;
                try (Socket probe = ctx.socket(SocketType.PULL)) {
                    nowhere = probe.bind("tcp://127.0.0.1:*");
                }
                // Delivered at once: terminating does not wait, no warning.
                try (Socket pull = ctx.socket(SocketType.PULL); Socket push = ctx.socket(SocketType.PUSH)) {
                    pull.bind("inproc://warnings-delivered");
                    push.connect("inproc://warnings-delivered");
                    push.send("taken");
                    assertEquals("taken", pull.receiveString().orElseThrow());
                }
                // Queued for a peer that never comes: dropped after 150 ms.
                try (Socket push = ctx.socket(SocketType.PUSH)) {
                    push.set(SocketOptions.LINGER, Duration.ofMillis(150));
                    push.connect(nowhere);
                    assertTrue(push.send("lost"));
                }
            }
        });
        assertEquals(1, records.size(), () -> records.stream().map(LogRecord::getMessage).toList().toString());
        assertTrue(records.get(0).getMessage().contains("linger of 150 ms"), records.get(0).getMessage());
    }

    @Test
    void noLingerWarningWhenNothingWasQueued() {
        List<LogRecord> records = logged(() -> {
            try (Context ctx = Context.create(); Socket push = ctx.socket(SocketType.PUSH)) {
                push.set(SocketOptions.LINGER, Duration.ofMillis(150));
                push.connect("tcp://127.0.0.1:9");       // never sent to: nothing to drop
            }
        });
        assertEquals(List.of(), records.stream().map(LogRecord::getMessage).toList());
    }
}
