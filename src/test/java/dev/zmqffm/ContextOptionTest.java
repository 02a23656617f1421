package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContextOptionTest {

    @Test
    void optionThreeIsTwoOptionsWithOppositeDirections() {
        assertEquals(ContextOptions.SOCKET_LIMIT.id(), ContextOptions.THREAD_PRIORITY.id());
        assertTrue(ContextOptions.SOCKET_LIMIT.isReadable());
        assertFalse(ContextOptions.SOCKET_LIMIT.isWritable());
        assertFalse(ContextOptions.THREAD_PRIORITY.isReadable());
        assertTrue(ContextOptions.THREAD_PRIORITY.isWritable());
    }

    @Test
    void describesItself() {
        assertEquals("IO_THREADS", ContextOptions.IO_THREADS.name());
        assertEquals(Integer.class, ContextOptions.IO_THREADS.type());
        assertEquals(Boolean.class, ContextOptions.IPV6.type());
        assertEquals("ZMQ_BLOCKY", ContextOptions.BLOCKY.toString());
    }
}
