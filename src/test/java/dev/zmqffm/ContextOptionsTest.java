package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ContextOptionsTest {

    @Test
    void defaultsAreLibzmqs() {
        try (Context ctx = Context.create()) {
            assertEquals(1, ctx.get(ContextOptions.IO_THREADS));
            assertEquals(1023, ctx.get(ContextOptions.MAX_SOCKETS));
            assertEquals(Integer.MAX_VALUE, ctx.get(ContextOptions.MAX_MSGSZ));
            assertEquals(false, ctx.get(ContextOptions.IPV6));
            assertEquals(true, ctx.get(ContextOptions.BLOCKY));
        }
    }

    @Test
    void writeOnlyOptionsAreAccepted() {
        try (Context ctx = Context.create()) {
            ctx.set(ContextOptions.THREAD_SCHED_POLICY, 0);           // SCHED_OTHER
            ctx.set(ContextOptions.THREAD_PRIORITY, 0);
            ctx.set(ContextOptions.THREAD_AFFINITY_CPU_ADD, 0);
            ctx.set(ContextOptions.THREAD_AFFINITY_CPU_REMOVE, 0);
            ctx.set(ContextOptions.MAX_MSGSZ, 1 << 20);
            assertEquals(1 << 20, ctx.get(ContextOptions.MAX_MSGSZ));
            assertThrows(UnsupportedOperationException.class, () -> ctx.get(ContextOptions.THREAD_PRIORITY));
            assertThrows(UnsupportedOperationException.class, () -> ctx.set(ContextOptions.MSG_T_SIZE, 1));
        }
    }

    @Test
    void threadSchedPolicyAndNamePrefixAreReadable() {
        // libzmq 4.3.4's zmq_ctx_get answers both (its thread_ctx_t::get).
        try (Context ctx = Context.create()) {
            assertEquals(-1, ctx.get(ContextOptions.THREAD_SCHED_POLICY));     // ZMQ_THREAD_SCHED_POLICY_DFLT
            assertEquals(0, ctx.get(ContextOptions.THREAD_NAME_PREFIX));
            ctx.set(ContextOptions.THREAD_SCHED_POLICY, 0);
            ctx.set(ContextOptions.THREAD_NAME_PREFIX, 42);
            assertEquals(0, ctx.get(ContextOptions.THREAD_SCHED_POLICY));
            assertEquals(42, ctx.get(ContextOptions.THREAD_NAME_PREFIX));
        }
    }

    @Test
    void anUncheckedOptionReachesLibzmq() {
        ContextOption<Boolean> zeroCopyRecv = ContextOption.unchecked(10, Boolean.class);   // ZMQ_ZERO_COPY_RECV
        assertTrue(zeroCopyRecv.isUnchecked());
        assertEquals("option 10 (unchecked)", zeroCopyRecv.toString());
        try (Context ctx = Context.create()) {
            assertEquals(true, ctx.get(zeroCopyRecv));
            ctx.set(zeroCopyRecv, false);
            assertEquals(false, ctx.get(zeroCopyRecv));
            ZmqException e = assertThrows(ZmqException.class, () -> ctx.get(ContextOption.unchecked(999, Integer.class)));
            assertEquals(Errno.EINVAL, e.errno());
        }
    }

    @Test
    void uncheckedRefusesKnownNumbersAndOtherTypes() {
        IllegalArgumentException known = assertThrows(IllegalArgumentException.class,
                () -> ContextOption.unchecked(1, Integer.class));
        assertTrue(known.getMessage().contains("ContextOptions.IO_THREADS"), known.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ContextOption.unchecked(99, String.class));
        assertFalse(ContextOptions.IO_THREADS.isUnchecked());
    }
}
