package dev.zmqffm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The warnings reach the platform's logging backend (java.util.logging by default). */
class WarningsTest {
    @Test
    void warningsGoToTheDevZmqffmLogger() {
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
            Warnings.contextClosedWithOpenSockets("Context[open, sockets=2]", 2);
            Warnings.lingerExpired("Context[closing]", 503, 500);
        } finally {
            jul.removeHandler(capture);
            jul.setUseParentHandlers(parents);
        }
        assertEquals(2, records.size());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertTrue(records.get(0).getMessage().contains("2 socket(s) still open"), records.get(0).getMessage());
        assertTrue(records.get(1).getMessage().contains("linger of 500 ms"), records.get(1).getMessage());
    }
}
