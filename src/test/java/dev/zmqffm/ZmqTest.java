package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ZmqTest {

    @Test
    void versionIsTheStableSeriesTheHeaderDescribes() throws Exception {
        Zmq.Version v = Zmq.version();
        String header = Files.readString(Path.of(System.getProperty("zmqffm.projectDir", "."), "native-headers", "zmq.h"));
        int major = Integer.parseInt(header.replaceAll("(?s).*#define ZMQ_VERSION_MAJOR (\\d+).*", "$1"));
        int minor = Integer.parseInt(header.replaceAll("(?s).*#define ZMQ_VERSION_MINOR (\\d+).*", "$1"));
        assertEquals(major, v.major());
        assertEquals(minor, v.minor());
        assertTrue(v.atLeast(4, 3, 0));
        assertFalse(v.atLeast(99, 0, 0));
        assertEquals(v.major() + "." + v.minor() + "." + v.patch(), v.toString());
    }

    @Test
    void capabilities() {
        assertTrue(Zmq.has("ipc"));
        assertTrue(Zmq.has("curve"));
        assertFalse(Zmq.has("draft"), "the binding covers the stable API only");
        assertFalse(Zmq.has("no-such-thing"));
        assertThrows(IllegalArgumentException.class, () -> Zmq.has("cu\u0000rve"));
    }

    @Test
    void reportsWhereLibzmqCameFrom() {
        assertNotNull(Zmq.libraryLocation());
    }
}
