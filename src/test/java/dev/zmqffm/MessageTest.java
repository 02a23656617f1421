package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import dev.zmqffm.testing.WithContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MessageTest extends WithContext {
    private Socket in;
    private Socket out;

    @BeforeEach
    void openSockets() {
        in = ctx.socket(SocketType.PULL);
        out = ctx.socket(SocketType.PUSH);
        out.connect(in.bind("tcp://127.0.0.1:*"));
    }

    @Test
    void factoriesHoldTheirContent() {
        try (Message a = Message.of(new byte[] {1, 2, 3});
             Message b = Message.of("h\u00e9");
             Message c = Message.allocate(4);
             Arena arena = Arena.ofConfined()) {
            assertEquals(3, a.size());
            assertArrayEquals(new byte[] {1, 2, 3}, a.toByteArray());
            assertEquals(3, b.size(), "UTF-8, no NUL");
            assertEquals("h\u00e9", b.text());
            c.data().fill((byte) 7);
            assertArrayEquals(new byte[] {7, 7, 7, 7}, c.toByteArray());
            try (Message d = Message.copyOf(arena.allocateFrom(ValueLayout.JAVA_INT, 0x01020304))) {
                assertEquals(4, d.size());
                MemorySegment target = arena.allocate(4);
                assertEquals(4, d.copyTo(target));
                assertEquals(0x01020304, target.get(ValueLayout.JAVA_INT, 0));
            }
            assertThrows(IllegalArgumentException.class, () -> Message.allocate(-1));
        }
    }

    @Test
    void dataViewIsInvalidatedByClose() {
        Message m = Message.of("abc");
        MemorySegment view = m.data();
        assertEquals('a', view.get(ValueLayout.JAVA_BYTE, 0));
        m.close();
        m.close();
        assertTrue(m.isClosed());
        assertThrows(IllegalStateException.class, () -> view.get(ValueLayout.JAVA_BYTE, 0));
        assertThrows(IllegalStateException.class, m::data);
        assertThrows(IllegalStateException.class, m::size);
        assertThrows(IllegalStateException.class, m::more);
        assertThrows(IllegalStateException.class, () -> out.send(m));
        assertThrows(IllegalStateException.class, () -> in.receive(m));
        assertEquals("Message[closed]", m.toString());
    }

    @Test
    void sendPassesTheBufferWithoutCopyAndForbidsASecondSend() {
        try (Message m = Message.allocate(64 * 1024)) {
            MemorySegment view = m.data();
            view.fill((byte) 'z');
            assertTrue(out.send(m));
            assertTrue(m.isSent());
            assertThrows(IllegalStateException.class, () -> view.get(ValueLayout.JAVA_BYTE, 0));
            IllegalStateException twice = assertThrows(IllegalStateException.class, () -> out.send(m));
            assertTrue(twice.getMessage().contains("sent"));
            assertThrows(IllegalStateException.class, m::data);
            assertTrue(in.receive(m), "a sent message can be received into");
            assertEquals(64 * 1024, m.size());
            assertEquals('z', m.data().get(ValueLayout.JAVA_BYTE, 1000));
        }
    }

    @Test
    void reusedMessageInvalidatesEarlierViews() {
        out.send("first");
        out.send("second");
        try (Message m = new Message()) {
            assertTrue(in.receive(m));
            MemorySegment first = m.data();
            assertEquals("first", m.text());
            assertTrue(in.receive(m));
            assertThrows(IllegalStateException.class, () -> first.get(ValueLayout.JAVA_BYTE, 0));
            assertEquals("second", m.text());
            assertEquals(6, m.data().byteSize());
        }
    }

    @Test
    void moreReportsMultipart() {
        out.sendMore("a");
        out.send("b");
        try (Message m = new Message()) {
            in.receive(m);
            assertTrue(m.more());
            assertTrue(m.toString().contains("more"), m.toString());
            in.receive(m);
            assertFalse(m.more());
        }
    }

    @Test
    void receivedMessagesCarryMetadata() {
        out.send("x");
        try (Message m = new Message()) {
            in.receive(m);
            assertEquals(Optional.of("PUSH"), m.property("Socket-Type"));
            assertEquals(Optional.of("127.0.0.1"), m.property("Peer-Address"));
            assertEquals(Optional.empty(), m.property("No-Such-Property"));
            assertThrows(IllegalArgumentException.class, () -> m.property("Bad\u0000Name"));
        }
    }

    @Test
    void copySharesContent() {
        try (Message m = Message.of("copied payload that is longer than thirty-three bytes");
             Message c = m.copy()) {
            assertEquals(m.text(), c.text());
            assertTrue(out.send(c));
            assertEquals("copied payload that is longer than thirty-three bytes", m.text());
        }
        assertEquals("copied payload that is longer than thirty-three bytes", in.receiveString().orElseThrow());
    }

    @Test
    void aMessageBelongsToItsThread() throws Exception {
        try (Message m = Message.of("mine")) {
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    m.size();
                } catch (Throwable e) {
                    outcome.set(e);
                }
            });
            t.start();
            t.join(5000);
            assertFalse(t.isAlive());
            assertInstanceOf(WrongThreadException.class, outcome.get());
        }
    }

    @Test
    void emptyMessageIsAnEmptyFrame() {
        try (Message m = new Message()) {
            assertEquals(0, m.size());
            assertEquals(0, m.data().byteSize());
            assertTrue(out.send(m));
        }
        assertArrayEquals(new byte[0], in.receiveBytes().orElseThrow());
    }

    @Test
    void libzmqOwnedBuffersTravelWithoutACopyOverInproc() {
        try (Context local = Context.create(); Socket a = local.socket(SocketType.PAIR);
             Socket b = local.socket(SocketType.PAIR);
             Message out = Message.allocate(4096); Message got = new Message()) {
            b.connect(a.bind("inproc://zero-copy"));
            long address = out.data().address();
            out.data().fill((byte) 1);
            assertTrue(a.send(out));
            assertTrue(b.receive(got));
            assertEquals(address, got.data().address(), "the receiver sees the sender's buffer");
        }
    }

    @Test
    void rebuildReusesOneMessageForManySends() {
        try (Message m = new Message(); Arena arena = Arena.ofConfined()) {
            MemorySegment payload = arena.allocateFrom("round");
            for (int i = 0; i < 3; i++) {
                m.rebuild(payload.byteSize());
                m.copyFrom(payload, 0);
                assertTrue(out.send(m));
                assertEquals("round\u0000", in.receiveString().orElseThrow());
            }
            assertThrows(IndexOutOfBoundsException.class, () -> {
                m.rebuild(2);
                m.copyFrom(payload, 0);
            });
            assertThrows(IllegalArgumentException.class, () -> m.rebuild(-1));
        }
    }

    @Test
    void sizeFollowsEveryChangeOfContent() {
        // size() is answered from what the last operation reported, without asking libzmq:
        // each way the content can change must leave it equal to the native size.
        try (Message m = new Message(); Arena arena = Arena.ofConfined()) {
            int[] sizes = {0, 1, 33, 34, 5000, 0, 7};
            for (int size : sizes) {
                assertTrue(out.send(new byte[size]));
            }
            for (int size : sizes) {
                assertTrue(in.receive(m));
                assertEquals(size, m.size());
                assertEquals(size, m.data().byteSize());
                assertEquals(size, m.toByteArray().length);
            }
            assertFalse(in.receive(m, ReceiveFlags.DONT_WAIT), "nothing is waiting");
            assertEquals(0, m.size(), "a receive that found nothing leaves an empty message");
            m.rebuild(12);
            assertEquals(12, m.size());
            try (Message copy = m.copy()) {
                assertEquals(12, copy.size());
            }
            assertTrue(out.send(m));
            assertThrows(IllegalStateException.class, m::size, "a sent message has no content to measure");
            assertTrue(in.receive(m));
            assertEquals(12, m.size());
            try (Message wrapped = Message.wrap(arena.allocate(4096))) {
                assertEquals(4096, wrapped.size());
            }
        }
    }
}
