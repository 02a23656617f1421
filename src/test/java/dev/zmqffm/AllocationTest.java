package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hot paths allocate nothing per message once warm: counted with the JVM's per-thread
 * allocation counter, not timed (the JMH benchmarks in src/bench report the same with -prof gc).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AllocationTest {
    private static final int WARMUP = 300_000;
    private static final int MEASURED = 100_000;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static double bytesPerMessage(Runnable roundTrip) {
        for (int i = 0; i < WARMUP; i++) {
            roundTrip.run();
        }
        long before = allocatedBytes();
        for (int i = 0; i < MEASURED; i++) {
            roundTrip.run();
        }
        return (allocatedBytes() - before) / (double) MEASURED;
    }

    @Test
    void reusedMessagesAndArraysAllocateNothing() {
        try (Context ctx = Context.create();
             Socket out = ctx.socket(SocketType.PAIR);
             Socket in = ctx.socket(SocketType.PAIR);
             Message sendMsg = new Message();
             Message recvMsg = new Message();
             Poller poller = new Poller()) {
            out.set(SocketOptions.SNDHWM, 0);
            in.set(SocketOptions.RCVHWM, 0);
            out.connect(in.bind("inproc://alloc"));
            int readable = poller.register(in, PollEvent.IN);
            byte[] bytes = new byte[64];
            byte[] buffer = new byte[64];

            double message = bytesPerMessage(() -> {
                sendMsg.rebuild(64);
                out.send(sendMsg, SendFlags.NONE);
                in.receive(recvMsg, ReceiveFlags.NONE);
                if (recvMsg.size() != 64) {
                    throw new AssertionError();
                }
            });
            double array = bytesPerMessage(() -> {
                out.send(bytes, SendFlags.NONE);
                if (in.receive(buffer, ReceiveFlags.NONE) != 64) {
                    throw new AssertionError();
                }
            });
            double polled = bytesPerMessage(() -> {
                out.send(bytes, SendFlags.DONT_WAIT);
                poller.poll(java.time.Duration.ZERO);
                if (!poller.isReadable(readable) || in.receive(recvMsg, ReceiveFlags.DONT_WAIT) == false) {
                    throw new AssertionError();
                }
            });
            double allocating = bytesPerMessage(() -> {
                out.send(bytes, SendFlags.NONE);
                if (in.receiveBytes().length != 64) {
                    throw new AssertionError();
                }
            });
            // The counter works: receiveBytes() returns a new 64-byte array each time.
            assertTrue(allocating >= 64, "receiveBytes() measured at " + allocating + " B per message");
            assertTrue(message < 1, "Message loop allocates " + message + " B per message");
            assertTrue(array < 1, "byte[] loop allocates " + array + " B per message");
            assertTrue(polled < 1, "poll/receive loop allocates " + polled + " B per message");
        }
    }
}
