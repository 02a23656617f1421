package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
            assertThrows(UnsupportedOperationException.class, () -> ctx.get(ContextOptions.THREAD_SCHED_POLICY));
            assertThrows(UnsupportedOperationException.class, () -> ctx.set(ContextOptions.MSG_T_SIZE, 1));
        }
    }
}
