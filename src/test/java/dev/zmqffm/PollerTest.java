package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import dev.zmqffm.testing.WithContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PollerTest extends WithContext {

    @Test
    void reportsWhichSocketsAreReady() {
        try (Socket a = ctx.socket(SocketType.PULL); Socket b = ctx.socket(SocketType.PULL);
             Socket pa = ctx.socket(SocketType.PUSH); Socket pb = ctx.socket(SocketType.PUSH);
             Poller poller = new Poller()) {
            pa.connect(a.bind("inproc://a"));
            pb.connect(b.bind("inproc://b"));
            int ia = poller.register(a, PollEvent.IN);
            int ib = poller.register(b, PollEvent.IN);
            int out = poller.register(pa, PollEvent.OUT);
            assertEquals(3, poller.size());
            assertEquals(1, poller.poll(Duration.ZERO), "only PUSH is writable");
            assertTrue(poller.isWritable(out));
            poller.unregister(out);
            assertEquals(0, poller.poll(Duration.ofMillis(50)));
            pb.send("for b");
            assertEquals(1, poller.poll(Duration.ofSeconds(5)));
            assertFalse(poller.isReadable(ia));
            assertTrue(poller.isReadable(ib));
            assertEquals(EnumSet.of(PollEvent.IN), poller.readyEvents(ib));
            assertEquals(Optional.of("for b"), b.receiveString(ReceiveFlags.DONT_WAIT));
        }
    }

    @Test
    void pollsRawFileDescriptors() throws IOException {
        // A FIFO gives a plain file descriptor number a poller can watch.
        Path fifo = Files.createTempDirectory("poller").resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().onExit().join().exitValue());
        try (var reader = java.nio.channels.FileChannel.open(fifo, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE);
             Socket s = ctx.socket(SocketType.PULL);
             Poller poller = new Poller()) {
            s.bind("inproc://fd");
            long fd = fileDescriptorOf(fifo);
            int ifd = poller.register(fd, Set.of(PollEvent.IN));
            int is = poller.register(s, PollEvent.IN);
            assertEquals(0, poller.poll(Duration.ofMillis(20)));
            reader.write(java.nio.ByteBuffer.wrap(new byte[] {1}));
            assertEquals(1, poller.poll(Duration.ofSeconds(5)));
            assertTrue(poller.isReadable(ifd));
            assertFalse(poller.isReadable(is));
        }
        assertThrows(IllegalArgumentException.class, () -> new Poller().register(-1, Set.of(PollEvent.IN)));
    }

    /** The descriptor number of the open file at {@code path} in this process, via /proc. */
    private static long fileDescriptorOf(Path path) throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(path.toString())) {
                        return Long.parseLong(fd.getFileName().toString());
                    }
                } catch (IOException ignored) {
                    // a descriptor closed while listing
                }
            }
        }
        throw new AssertionError("no descriptor for " + path);
    }

    @Test
    void closedSocketsAreSkipped() {
        try (Poller poller = new Poller(); Socket keep = ctx.socket(SocketType.PUSH);
             Socket sink = ctx.socket(SocketType.PULL); Socket feeder = ctx.socket(SocketType.PUSH)) {
            keep.connect(sink.bind("inproc://sink"));
            Socket gone = ctx.socket(SocketType.PULL);
            feeder.connect(gone.bind("inproc://gone"));
            int ig = poller.register(gone, PollEvent.IN);
            int ik = poller.register(keep, PollEvent.OUT);
            feeder.send("x");
            assertEquals(2, poller.poll(Duration.ofSeconds(1)));
            gone.close();
            assertEquals(1, poller.poll(Duration.ofMillis(100)));
            assertFalse(poller.isReadable(ig));
            assertTrue(poller.isWritable(ik));
            assertThrows(IllegalStateException.class, () -> poller.register(gone, PollEvent.IN));
        }
    }

    @Test
    void registeredSocketsAreInUseWhilePolling() throws Exception {
        Socket s = ctx.socket(SocketType.PULL);
        s.bind("inproc://busy-poll");
        CountDownLatch polling = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try (Poller poller = new Poller()) {
                poller.register(s, PollEvent.IN);
                polling.countDown();
                poller.poll(SocketOptions.INFINITE);
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        t.start();
        polling.await();
        Thread.sleep(200);
        assertThrows(IllegalStateException.class, s::close);
        ctx.shutdown();
        t.join(2000);
        assertFalse(t.isAlive());
        assertInstanceOf(ContextTerminatedException.class, outcome.get());
        s.close();
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        try (Poller poller = new Poller()) {
            Socket[] sockets = new Socket[20];
            for (int i = 0; i < sockets.length; i++) {
                sockets[i] = ctx.socket(SocketType.PUSH);
                sockets[i].bind("inproc://grow-" + i);
                ctx.socket(SocketType.PULL).connect("inproc://grow-" + i);
                assertEquals(i, poller.register(sockets[i], PollEvent.OUT));
            }
            assertEquals(20, poller.poll(Duration.ofSeconds(1)));
        }
    }

    @Test
    void misuseIsRejected() {
        Poller poller = new Poller();
        try (Socket s = ctx.socket(SocketType.PAIR)) {
            assertThrows(IllegalArgumentException.class, () -> poller.register(s, EnumSet.noneOf(PollEvent.class)));
            assertThrows(IndexOutOfBoundsException.class, () -> poller.isReadable(0));
            assertThrows(IllegalArgumentException.class, () -> poller.poll(Duration.ofMillis(-1)));
            poller.close();
            poller.close();
            assertThrows(IllegalStateException.class, () -> poller.register(s, PollEvent.IN));
            assertThrows(IllegalStateException.class, () -> poller.poll(Duration.ZERO));
        }
    }

    @Test
    void anUnlimitedPollEndsOnceTheContextClosedEverySocket() throws InterruptedException {
        Context other = Context.create();
        Socket a = other.socket(SocketType.PULL);
        Socket b = other.socket(SocketType.PULL);
        try (Poller poller = new Poller()) {
            poller.register(a, PollEvent.IN);
            poller.register(b, PollEvent.IN);
            other.close();                                   // closes a and b
            assertThrows(ContextTerminatedException.class, () -> poller.poll(SocketOptions.INFINITE));
        }
    }

    @Test
    void anUnlimitedPollOverNothingIsRefused() {
        try (Socket s = ctx.socket(SocketType.PULL); Poller poller = new Poller()) {
            int i = poller.register(s, PollEvent.IN);
            poller.unregister(i);
            assertThrows(IllegalStateException.class, () -> poller.poll(SocketOptions.INFINITE));
            assertEquals(0, poller.poll(Duration.ofMillis(1)), "a limited poll over nothing just waits");
        }
    }

    @Test
    void unregisteringFromAnotherThreadDuringAPollIsRefusedAndCloseStillReturns() throws Exception {
        Context other = Context.create();
        Socket s = other.socket(SocketType.PULL);
        Poller poller = new Poller();
        int i = poller.register(s, PollEvent.IN);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        CountDownLatch polling = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            polling.countDown();
            try {
                poller.poll(SocketOptions.INFINITE);
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        t.start();
        polling.await();
        Thread.sleep(100);
        assertThrows(IllegalStateException.class, () -> poller.unregister(i));
        long start = System.nanoTime();
        other.close();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "Context.close() spun");
        t.join(5000);
        assertFalse(t.isAlive());
        assertInstanceOf(ContextTerminatedException.class, ended.get());
        poller.unregister(i);
        poller.close();
    }

    @Test
    void registeringAfterUnregisteringReusesTheSlot() {
        try (Socket s = ctx.socket(SocketType.PULL); Poller poller = new Poller()) {
            for (int n = 0; n < 1000; n++) {
                int i = poller.register(s, PollEvent.IN);
                assertEquals(0, i, "slot not reused");
                assertEquals(0, poller.poll(Duration.ZERO));
                poller.unregister(i);
            }
            assertEquals(0, poller.size());
        }
    }

    @Test
    void longTimeoutsSaturateInsteadOfOverflowing() {
        try (Socket in = ctx.socket(SocketType.PULL); Socket out = ctx.socket(SocketType.PUSH);
             Poller poller = new Poller()) {
            out.connect(in.bind("inproc://long"));
            out.send("ready");
            poller.register(in, PollEvent.IN);
            assertEquals(1, poller.poll(Duration.ofSeconds(Long.MAX_VALUE)));
            assertEquals(1, poller.poll(Duration.ofDays(365L * 1000)));
            assertEquals(1, poller.poll(Duration.ofNanos(Long.MAX_VALUE)));
        }
    }
}
