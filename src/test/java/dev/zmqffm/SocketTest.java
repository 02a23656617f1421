package dev.zmqffm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import dev.zmqffm.testing.WithContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketTest extends WithContext {

    private Socket[] pair(SocketType a, SocketType b) {
        Socket x = ctx.socket(a);
        Socket y = ctx.socket(b);
        String ep = x.bind("tcp://127.0.0.1:*");
        y.connect(ep);
        return new Socket[] {x, y};
    }

    @Test
    void bindWildcardReturnsTheBoundEndpoint() {
        try (Socket s = ctx.socket(SocketType.PULL)) {
            String ep = s.bind("tcp://127.0.0.1:*");
            assertTrue(ep.matches("tcp://127\\.0\\.0\\.1:\\d+"), ep);
            assertNotEquals("tcp://127.0.0.1:0", ep);
            assertEquals(ep, s.get(SocketOptions.LAST_ENDPOINT));
            s.unbind(ep);
        }
    }

    @Test
    void bindingATakenAddressIsAddressInUse() {
        try (Socket a = ctx.socket(SocketType.PULL); Socket b = ctx.socket(SocketType.PULL)) {
            String ep = a.bind("tcp://127.0.0.1:*");
            AddressInUseException e = assertThrows(AddressInUseException.class, () -> b.bind(ep));
            assertEquals(Errno.EADDRINUSE, e.errno());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1:99999", "tcp://127.0.0.1:-1", "tcp://127.0.0.1", "tcp://:5555",
        "tcp://127.0.0.1:55a", "127.0.0.1:5555", "bogus://x", "inproc://", "tcp://127.0.0.1:5\u00005",
        "tcp://a:1;b:70000"})
    void invalidEndpointsAreRejectedBeforeLibzmq(String endpoint) {
        try (Socket s = ctx.socket(SocketType.PULL)) {
            assertThrows(IllegalArgumentException.class, () -> s.bind(endpoint));
            assertThrows(IllegalArgumentException.class, () -> s.connect(endpoint));
        }
    }

    @Test
    void stringsCarryNoTerminatingNul() {
        Socket[] p = pair(SocketType.PULL, SocketType.PUSH);
        p[1].send("hello");
        try (Message m = new Message()) {
            assertTrue(p[0].receive(m));
            assertEquals(5, m.size());
            assertEquals("hello", m.text());
        }
        p[1].send("h\u00e9\u0000llo");                   // bodies are opaque: NUL is just a byte
        assertEquals("h\u00e9\u0000llo", p[0].receiveString().orElseThrow());
    }

    @Test
    void sendsAndReceivesEveryPayloadType() {
        Socket[] p = pair(SocketType.PAIR, SocketType.PAIR);
        Socket a = p[0], b = p[1];
        byte[] bytes = {1, 2, 3, 4};
        assertTrue(a.send(bytes));
        assertArrayEquals(bytes, b.receiveBytes().orElseThrow());

        assertTrue(a.send(bytes, 1, 2, SendFlags.NONE));
        assertArrayEquals(new byte[] {2, 3}, b.receiveBytes().orElseThrow());

        try (Arena arena = Arena.ofConfined()) {
            MemorySegment nat = arena.allocateFrom(ValueLayout.JAVA_BYTE, (byte) 9, (byte) 8, (byte) 7);
            assertTrue(a.send(nat, SendFlags.NONE));
            MemorySegment into = arena.allocate(16);
            assertEquals(3, b.receive(into, ReceiveFlags.NONE));
            assertEquals(7, into.get(ValueLayout.JAVA_BYTE, 2));

            assertTrue(a.send(MemorySegment.ofArray(new byte[] {5, 6}), SendFlags.NONE));
            byte[] heap = new byte[1];
            assertEquals(2, b.receive(MemorySegment.ofArray(heap), ReceiveFlags.NONE), "full size reported");
            assertEquals(5, heap[0], "truncated to the buffer");
        }

        ByteBuffer direct = ByteBuffer.allocateDirect(8).put(new byte[] {1, 2, 3}).flip();
        assertTrue(a.send(direct, SendFlags.NONE));
        assertEquals(direct.limit(), direct.position());
        ByteBuffer heapIn = ByteBuffer.allocate(8);
        assertEquals(3, b.receive(heapIn, ReceiveFlags.NONE));
        assertEquals(3, heapIn.position());
        assertEquals(3, heapIn.get(2));

        ByteBuffer heapOut = ByteBuffer.wrap("abc".getBytes(UTF_8));
        assertTrue(a.send(heapOut, SendFlags.NONE));
        ByteBuffer directIn = ByteBuffer.allocateDirect(2);
        assertEquals(3, b.receive(directIn, ReceiveFlags.NONE));
        assertEquals(2, directIn.position());

        try (Message m = Message.of("message")) {
            assertTrue(a.send(m));
            assertTrue(m.isSent());
        }
        assertEquals("message", b.receiveString().orElseThrow());

        byte[] big = new byte[1 << 20];
        big[big.length - 1] = 42;
        assertTrue(a.send(big));
        assertArrayEquals(big, b.receiveBytes().orElseThrow());
    }

    @Test
    void multipartMessagesArriveWhole() {
        Socket[] p = pair(SocketType.PULL, SocketType.PUSH);
        assertTrue(p[1].sendMore("a"));
        assertTrue(p[1].sendMore(new byte[0]));
        assertTrue(p[1].send("c"));
        assertEquals("a", p[0].receiveString().orElseThrow());
        assertTrue(p[0].hasMore());
        assertArrayEquals(new byte[0], p[0].receiveBytes().orElseThrow());
        assertTrue(p[0].hasMore());
        assertEquals("c", p[0].receiveString().orElseThrow());
        assertFalse(p[0].hasMore());

        assertTrue(p[1].sendMultipart(List.of("x".getBytes(UTF_8), "y".getBytes(UTF_8))));
        List<byte[]> frames = p[0].receiveMultipart().orElseThrow();
        assertEquals(2, frames.size());
        assertEquals("y", new String(frames.get(1), UTF_8));
        assertThrows(IllegalArgumentException.class, () -> p[1].sendMultipart(List.of()));
    }

    @Test
    void wouldBlockIsAResultNotAnException() {
        try (Socket pull = ctx.socket(SocketType.PULL); Socket push = ctx.socket(SocketType.PUSH)) {
            pull.bind("inproc://wouldblock");
            assertEquals(Optional.empty(), pull.receiveBytes(ReceiveFlags.DONT_WAIT));
            assertEquals(Optional.empty(), pull.receiveString(ReceiveFlags.DONT_WAIT));
            try (Message m = new Message()) {
                assertFalse(pull.receive(m, ReceiveFlags.DONT_WAIT));
                assertEquals(0, m.size());
            }
            assertEquals(-1, pull.receive(ByteBuffer.allocate(4), ReceiveFlags.DONT_WAIT));
            // PUSH with no peer cannot queue anything.
            assertFalse(push.send("x", SendFlags.DONT_WAIT));
            assertFalse(push.send("x".getBytes(UTF_8), Duration.ofMillis(50)));
        }
    }

    @Test
    void timedReceiveWaitsAboutTheTimeout() {
        try (Socket pull = ctx.socket(SocketType.PULL)) {
            pull.bind("inproc://timed");
            long start = System.nanoTime();
            assertEquals(Optional.empty(), pull.receiveString(Duration.ofMillis(200)));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis >= 190 && millis < 5000, millis + " ms");
            assertThrows(IllegalArgumentException.class, () -> pull.receiveBytes(Duration.ofMillis(-1)));
        }
    }

    @Test
    void timedReceiveGetsAMessageSentLater() throws Exception {
        try (Socket pull = ctx.socket(SocketType.PULL)) {
            String ep = pull.bind("tcp://127.0.0.1:*");
            Thread sender = new Thread(() -> {
                try (Socket push = ctx.socket(SocketType.PUSH)) {
                    push.connect(ep);
                    Thread.sleep(100);
                    push.send("late");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            sender.start();
            assertEquals(Optional.of("late"), pull.receiveString(Duration.ofSeconds(10)));
            sender.join(5000);
            assertFalse(sender.isAlive());
        }
    }

    @Test
    void receiveTimeoutOptionMakesBlockingReceivesReturnEmpty() {
        try (Socket pull = ctx.socket(SocketType.PULL)) {
            pull.bind("inproc://rcvtimeo");
            pull.set(SocketOptions.RCVTIMEO, Duration.ofMillis(50));
            assertTrue(pull.receiveBytes().isEmpty());
            assertTrue(pull.receiveString().isEmpty());
            assertTrue(pull.receiveMultipart().isEmpty());
            try (Message m = new Message()) {
                assertFalse(pull.receive(m));
            }
        }
    }

    @Test
    void reqSendingTwiceIsASocketStateException() {
        Socket[] p = pair(SocketType.REP, SocketType.REQ);
        assertTrue(p[1].send("one"));
        SocketStateException e = assertThrows(SocketStateException.class, () -> p[1].send("two"));
        assertEquals(Errno.EFSM, e.errno());
        assertThrows(SocketStateException.class, () -> p[0].send("no request yet"));
    }

    @Test
    void routerMandatoryReportsUnroutableIds() {
        try (Socket router = ctx.socket(SocketType.ROUTER)) {
            router.set(SocketOptions.ROUTER_MANDATORY, true);
            HostUnreachableException e =
                    assertThrows(HostUnreachableException.class, () -> router.send("nobody", SendFlags.SEND_MORE));
            assertEquals(Errno.EHOSTUNREACH, e.errno());
        }
    }

    @Test
    void routerDealerRoundTripWithRoutingIds() {
        try (Socket router = ctx.socket(SocketType.ROUTER); Socket dealer = ctx.socket(SocketType.DEALER)) {
            String ep = router.bind("tcp://127.0.0.1:*");
            dealer.set(SocketOptions.ROUTING_ID, "d1".getBytes(UTF_8));
            dealer.connect(ep);
            dealer.send("ping");
            List<byte[]> in = router.receiveMultipart().orElseThrow();
            assertEquals("d1", new String(in.get(0), UTF_8));
            assertEquals("ping", new String(in.get(1), UTF_8));
            assertTrue(router.sendMultipart(List.of(in.get(0), "pong".getBytes(UTF_8))));
            assertEquals("pong", dealer.receiveString().orElseThrow());
        }
    }

    @Test
    void pubSubFiltersByPrefix() throws Exception {
        Socket[] p = pair(SocketType.PUB, SocketType.SUB);
        Socket pub = p[0], sub = p[1];
        sub.subscribe("weather");
        Optional<String> got = Optional.empty();
        for (int i = 0; i < 100 && got.isEmpty(); i++) {     // slow joiner: publish until heard
            pub.send("sports 1");
            pub.send("weather 2");
            got = sub.receiveString(Duration.ofMillis(50));
        }
        assertEquals(Optional.of("weather 2"), got);
        sub.unsubscribe("weather");
    }

    @Test
    void useAfterCloseThrowsIllegalState() {
        Socket s = ctx.socket(SocketType.PAIR);
        s.close();
        s.close();
        assertTrue(s.isClosed());
        assertThrows(IllegalStateException.class, () -> s.send("x"));
        assertThrows(IllegalStateException.class, s::receiveBytes);
        assertThrows(IllegalStateException.class, () -> s.bind("inproc://closed"));
        assertThrows(IllegalStateException.class, () -> s.get(SocketOptions.TYPE));
        assertThrows(IllegalStateException.class, () -> s.set(SocketOptions.LINGER, Duration.ZERO));
    }

    @Test
    void concurrentUseAndCloseWhileBlockedAreRefused() throws Exception {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.bind("inproc://busy");
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> {
            started.countDown();
            try {
                pull.receiveBytes().orElseThrow();
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        t.start();
        started.await();
        Thread.sleep(200);
        IllegalStateException e = assertThrows(IllegalStateException.class, pull::close);
        assertTrue(e.getMessage().contains("shutdown"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> pull.receiveBytes(ReceiveFlags.DONT_WAIT));
        assertFalse(pull.isClosed());
        ctx.shutdown();
        t.join(2000);
        assertFalse(t.isAlive());
        assertTrue(outcome.get() instanceof ContextTerminatedException, String.valueOf(outcome.get()));
        pull.close();
        assertTrue(pull.isClosed());
    }

    @Test
    void subscribeOnlyWorksOnSubscribers() {
        try (Socket push = ctx.socket(SocketType.PUSH)) {
            ZmqException e = assertThrows(ZmqException.class, () -> push.subscribe("x"));
            assertEquals(Errno.EINVAL, e.errno());
        }
    }

    @Test
    void clientMayStartBeforeTheServer() throws Exception {
        try (Socket req = ctx.socket(SocketType.REQ)) {
            String ep;
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
                ep = "tcp://127.0.0.1:" + probe.getLocalPort();
            }
            req.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(20));
            req.connect(ep);
            assertTrue(req.send("hello"));                  // queued: nobody is listening yet
            Thread server = new Thread(() -> {
                try (Socket rep = ctx.socket(SocketType.REP)) {
                    Thread.sleep(300);
                    rep.bind(ep);
                    rep.receiveString(Duration.ofSeconds(10)).ifPresent(r -> rep.send("World"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            assertEquals(Optional.of("World"), req.receiveString(Duration.ofSeconds(10)));
            server.join(5000);
            assertFalse(server.isAlive());
        }
    }

    @Test
    void toStringNamesTypeAndState() {
        Socket s = ctx.socket(SocketType.DEALER);
        assertEquals("Socket[DEALER]", s.toString());
        s.close();
        assertEquals("Socket[DEALER, closed]", s.toString());
        assertEquals(ctx, s.context());
    }

    @Test
    void readOnlyMemoryIsNeverReceivedInto() throws Exception {
        try (Socket in = ctx.socket(SocketType.PULL); Socket out = ctx.socket(SocketType.PUSH);
             Arena arena = Arena.ofConfined()) {
            out.connect(in.bind("inproc://read-only"));
            out.send("kept");
            assertThrows(IllegalArgumentException.class,
                    () -> in.receive(arena.allocate(16).asReadOnly(), ReceiveFlags.NONE));
            assertThrows(IllegalArgumentException.class,
                    () -> in.receive(MemorySegment.ofArray(new byte[16]).asReadOnly(), ReceiveFlags.NONE));
            assertThrows(IllegalArgumentException.class,
                    () -> in.receive(ByteBuffer.allocateDirect(16).asReadOnlyBuffer(), ReceiveFlags.NONE));
            assertThrows(IllegalArgumentException.class,
                    () -> in.receive(ByteBuffer.allocate(16).asReadOnlyBuffer(), ReceiveFlags.NONE));
            java.nio.file.Path file = java.nio.file.Files.createTempFile("read-only", ".bin");
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ,
                    java.nio.file.StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.allocate(16));
                MemorySegment mapped = channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, 16, arena);
                assertThrows(IllegalArgumentException.class, () -> in.receive(mapped, ReceiveFlags.NONE));
            } finally {
                java.nio.file.Files.delete(file);
            }
            assertEquals(Optional.of("kept"), in.receiveString(Duration.ofSeconds(5)), "the frame was consumed");
        }
    }

    @Test
    void anInterruptedPlatformThreadIsRefusedOnlyWhenItWouldWait() {
        try (Socket in = ctx.socket(SocketType.PULL); Socket out = ctx.socket(SocketType.PUSH)) {
            out.connect(in.bind("inproc://interrupted"));
            out.send("there");
            Thread.currentThread().interrupt();
            try {
                // A frame that is there is returned: nothing to wait for.
                assertEquals(Optional.of("there"), in.receiveString(Duration.ofSeconds(5)));
                assertThrows(OperationInterruptedException.class, () -> in.receiveString());
                assertThrows(OperationInterruptedException.class, () -> in.receiveString(Duration.ofSeconds(5)));
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status stays set");
                assertEquals(Optional.empty(), in.receiveString(ReceiveFlags.DONT_WAIT), "DONT_WAIT never waits");
            } finally {
                Thread.interrupted();
            }
            out.send("after");
            assertEquals(Optional.of("after"), in.receiveString(Duration.ofSeconds(5)));
        }
    }

    /**
     * After receives that all had to wait, a platform thread skips the non-blocking first
     * attempt (FastPathSkips); an interrupted thread must still get a frame that is there.
     */
    @Test
    void aFrameThatIsThereReachesAnInterruptedThreadAfterManyWaits() throws Exception {
        try (Socket in = ctx.socket(SocketType.PULL); Socket out = ctx.socket(SocketType.PUSH)) {
            out.connect(in.bind("inproc://waited"));
            for (int i = 0; i < 8; i++) {
                Thread sender = new Thread(() -> {
                    try {
                        Thread.sleep(3);
                    } catch (InterruptedException e) {
                        return;
                    }
                    out.send("late");
                });
                sender.start();
                assertEquals(Optional.of("late"), in.receiveString());        // waits every time
                sender.join(5000);
            }
            out.send("there");
            Thread.currentThread().interrupt();
            try {
                assertEquals(Optional.of("there"), in.receiveString());
                assertTrue(Thread.currentThread().isInterrupted());
            } finally {
                Thread.interrupted();
            }
        }
    }
}
