package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import dev.zmqffm.testing.WithContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Zero-copy sends of caller memory: no copy is made, and the release is signalled exactly once. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MessageTrackerTest extends WithContext {
    private Socket in;
    private Socket out;

    @BeforeEach
    void openSockets() {
        in = ctx.socket(SocketType.PULL);
        out = ctx.socket(SocketType.PUSH);
        out.connect(in.bind("inproc://tracker"));
    }

    @Test
    void wrappedMemoryTravelsWithoutACopyAndIsReleasedOnce() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment frame = arena.allocate(64 * 1024);
            frame.fill((byte) 3);
            MessageTracker tracker;
            try (Message msg = Message.wrap(frame)) {
                tracker = msg.tracker();
                assertEquals(frame.address(), msg.data().address(), "the message is the caller's memory");
                assertTrue(out.send(msg));
            }
            try (Message got = new Message()) {
                assertTrue(in.receive(got, Duration.ofSeconds(10)));
                assertEquals(frame.address(), got.data().address(), "inproc delivered the very same bytes");
                assertEquals(3, got.data().get(ValueLayout.JAVA_BYTE, 65535));
                assertFalse(tracker.isDone(), "the receiver still holds the buffer");
            }
            assertTrue(tracker.await(Duration.ofSeconds(10)));
            Thread.sleep(50);
            assertEquals(1, tracker.releaseCount());
        }
    }

    @Test
    void tcpSendsReleaseAfterWriting() throws Exception {
        try (Socket pull = ctx.socket(SocketType.PULL); Socket push = ctx.socket(SocketType.PUSH);
             Arena arena = Arena.ofShared()) {
            push.connect(pull.bind("tcp://127.0.0.1:*"));
            MemorySegment data = arena.allocate(1 << 20);
            data.fill((byte) 9);
            MessageTracker tracker;
            try (Message msg = Message.wrap(data)) {
                tracker = msg.tracker();
                push.send(msg);
            }
            byte[] got = pull.receiveBytes(Duration.ofSeconds(10)).orElseThrow();
            assertEquals(1 << 20, got.length);
            assertEquals(9, got[12345]);
            assertTrue(tracker.await(Duration.ofSeconds(10)));
            assertEquals(1, tracker.releaseCount());
        }
    }

    @Test
    void closingUnsentReleasesToo() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            Message msg = Message.wrap(arena.allocate(4096));
            MessageTracker tracker = msg.tracker();
            assertFalse(tracker.isDone());
            msg.close();
            assertTrue(tracker.await(Duration.ofSeconds(5)));
            assertEquals(1, tracker.releaseCount());
        }
    }

    @Test
    void smallPayloadsAreCopiedAndDoneAtOnce() {
        try (Arena arena = Arena.ofConfined();
             Message msg = Message.wrap(arena.allocate(Message.WRAP_THRESHOLD - 1))) {
            assertTrue(msg.tracker().isDone());
            assertEquals(1, msg.tracker().releaseCount());
        }
    }

    @Test
    void onlyNativeMemoryAndWrappedMessages() {
        assertThrows(IllegalArgumentException.class, () -> Message.wrap(MemorySegment.ofArray(new byte[4096])));
        try (Message plain = Message.of("x")) {
            assertThrows(IllegalStateException.class, plain::tracker);
        }
    }

    @Test
    void aWrappedFrameReceivedByCopyIsReleasedAtOnce() throws InterruptedException {
        try (Context ctx = Context.create();
             Socket out = ctx.socket(SocketType.PAIR);
             Socket in = ctx.socket(SocketType.PAIR);
             java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofShared()) {
            out.connect(in.bind("inproc://tracked-copy"));
            for (long size : new long[] {1024, 4096, 8192}) {
                MessageTracker tracker;
                try (Message m = Message.wrap(arena.allocate(size))) {
                    tracker = m.tracker();
                    out.send(m);
                }
                assertEquals(size, in.receiveBytes().orElseThrow().length);
                // Not kept in the socket's scratch message until the next receive.
                assertTrue(tracker.await(java.time.Duration.ofSeconds(2)), size + " B frame still held");
            }
        }
    }
}
