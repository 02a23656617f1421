package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TimersTest {

    @Test
    void noTimersMeansWaitForever() {
        assertEquals(SocketOptions.INFINITE, new Timers().timeout());
        assertEquals(Long.MAX_VALUE, new Timers().timeoutNanos());
        assertEquals(0, new Timers().execute());
    }

    @Test
    void runsDueTimersFromAPollLoop() throws Exception {
        Timers timers = new Timers();
        AtomicInteger fast = new AtomicInteger();
        AtomicInteger slow = new AtomicInteger();
        timers.add(Duration.ofMillis(20), fast::incrementAndGet);
        int slowId = timers.add(Duration.ofHours(1), slow::incrementAndGet);
        assertTrue(timers.timeout().compareTo(Duration.ofMillis(20)) <= 0);
        try (Context ctx = Context.create(); Socket s = ctx.socket(SocketType.PULL); Poller poller = new Poller()) {
            s.bind("inproc://timers");
            poller.register(s, PollEvent.IN);
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < end) {
                poller.poll(timers.timeout());
                timers.execute();
            }
        }
        assertTrue(fast.get() >= 5 && fast.get() <= 16, "20 ms timer ran " + fast.get() + " times in 300 ms");
        assertEquals(0, slow.get());
        timers.cancel(slowId);
        timers.cancel(slowId);
        assertThrows(IllegalStateException.class, () -> timers.reset(slowId));
    }

    @Test
    void intervalChangesAndResetsApplyFromNow() throws Exception {
        Timers timers = new Timers();
        AtomicInteger runs = new AtomicInteger();
        int id = timers.add(Duration.ofHours(1), runs::incrementAndGet);
        timers.setInterval(id, Duration.ofMillis(1));
        Thread.sleep(5);
        assertEquals(1, timers.execute());
        timers.setInterval(id, Duration.ofHours(1));
        timers.reset(id);
        assertEquals(0, timers.execute());
        assertTrue(timers.timeout().compareTo(Duration.ofMinutes(59)) > 0);
    }

    @Test
    void handlerExceptionsPropagateAndTheTimerStays() throws Exception {
        Timers timers = new Timers();
        AtomicInteger runs = new AtomicInteger();
        timers.add(Duration.ofMillis(1), () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("boom");
        });
        Thread.sleep(5);
        assertThrows(IllegalStateException.class, timers::execute);
        Thread.sleep(5);
        assertThrows(IllegalStateException.class, timers::execute);
        assertEquals(2, runs.get());
    }

    @Test
    void invalidArgumentsAreRejected() {
        Timers timers = new Timers();
        assertThrows(IllegalArgumentException.class, () -> timers.add(Duration.ZERO, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> timers.add(Duration.ofMillis(-1), () -> { }));
        assertThrows(NullPointerException.class, () -> timers.add(Duration.ofMillis(1), null));
        assertThrows(IndexOutOfBoundsException.class, () -> timers.cancel(3));
    }
}
