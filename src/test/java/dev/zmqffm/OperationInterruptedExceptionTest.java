package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.testing.WithContext;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OperationInterruptedExceptionTest extends WithContext {

    @Test
    void endsAVirtualThreadsReceiveAndKeepsTheSocketUsable() throws Exception {
        try (Socket in = ctx.socket(SocketType.PULL); Socket out = ctx.socket(SocketType.PUSH)) {
            out.connect(in.bind("tcp://127.0.0.1:*"));
            AtomicReference<Throwable> caught = new AtomicReference<>();
            AtomicReference<Optional<String>> next = new AtomicReference<>();
            CountDownLatch interrupted = new CountDownLatch(1);
            CountDownLatch sent = new CountDownLatch(1);
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    in.receiveString(Duration.ofSeconds(20));
                } catch (Throwable e) {
                    caught.set(e);
                }
                boolean statusKept = Thread.interrupted();
                interrupted.countDown();
                try {
                    sent.await();
                } catch (InterruptedException e) {
                    return;
                }
                next.set(statusKept ? in.receiveString(Duration.ofSeconds(5)) : Optional.of("status lost"));
            });
            Thread.sleep(200);                          // let it park
            long start = System.nanoTime();
            t.interrupt();
            assertTrue(interrupted.await(5, TimeUnit.SECONDS));
            long ms = (System.nanoTime() - start) / 1_000_000;
            OperationInterruptedException e = assertInstanceOf(OperationInterruptedException.class, caught.get());
            assertEquals(Errno.EINTR, e.errno());
            assertTrue(ms < 1000, "took " + ms + " ms");
            out.send("after the interrupt");
            sent.countDown();
            t.join(10_000);
            assertEquals(Optional.of("after the interrupt"), next.get());
        }
    }
}
