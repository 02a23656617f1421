package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ContextTest {

    @Test
    void createsSocketsOfEveryTypeAndTracksThem() {
        try (Context ctx = Context.create()) {
            List<Socket> sockets = new ArrayList<>();
            for (SocketType type : SocketType.values()) {
                Socket s = ctx.socket(type);
                assertEquals(type, s.type());
                assertEquals(type, s.get(SocketOptions.TYPE));
                sockets.add(s);
            }
            assertEquals(SocketType.values().length, ctx.openSockets());
            sockets.get(0).close();
            assertEquals(SocketType.values().length - 1, ctx.openSockets());
        }
    }

    @Test
    void closeIsIdempotentAndClosesRemainingSockets() {
        Context ctx = Context.create();
        Socket s = ctx.socket(SocketType.PAIR);
        ctx.close();
        ctx.close();
        assertTrue(ctx.isClosed());
        assertTrue(s.isClosed());
        assertThrows(ContextTerminatedException.class, () -> s.send("x"));
        assertThrows(IllegalStateException.class, () -> ctx.socket(SocketType.PAIR));
        assertThrows(IllegalStateException.class, () -> ctx.get(ContextOptions.IO_THREADS));
    }

    @Test
    void socketsGetTheFiniteDefaultLinger() {
        try (Context ctx = Context.create()) {
            assertEquals(Context.DEFAULT_LINGER, ctx.defaultLinger());
            try (Socket s = ctx.socket(SocketType.PUSH)) {
                assertEquals(Duration.ofMillis(500), s.get(SocketOptions.LINGER));
            }
            ctx.setDefaultLinger(Duration.ofMillis(20));
            try (Socket s = ctx.socket(SocketType.PUSH)) {
                assertEquals(Duration.ofMillis(20), s.get(SocketOptions.LINGER));
            }
            ctx.setDefaultLinger(SocketOptions.INFINITE);
            try (Socket s = ctx.socket(SocketType.PUSH)) {
                assertEquals(SocketOptions.INFINITE, s.get(SocketOptions.LINGER));
                s.set(SocketOptions.LINGER, Duration.ZERO);
            }
            assertThrows(IllegalArgumentException.class, () -> ctx.setDefaultLinger(Duration.ofMillis(-5)));
        }
    }

    @Test
    void closeWithUndeliverableMessagesReturnsWithinTheLinger() {
        long start = System.nanoTime();
        try (Context ctx = Context.create()) {
            Socket push = ctx.socket(SocketType.PUSH);
            push.connect("tcp://127.0.0.1:1");      // nobody listens: messages stay queued
            for (int i = 0; i < 10; i++) {
                assertTrue(push.send("pending", SendFlags.DONT_WAIT), "queued while connecting");
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 3000, "close took " + millis + " ms with a 500 ms linger");
    }

    @Test
    void shutdownUnblocksReceiversInOtherThreadsPromptly() throws Exception {
        try (Context ctx = Context.create()) {
            int n = 3;
            CountDownLatch started = new CountDownLatch(n);
            List<Thread> threads = new ArrayList<>();
            List<AtomicReference<Throwable>> outcomes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                AtomicReference<Throwable> outcome = new AtomicReference<>();
                outcomes.add(outcome);
                Socket pull = ctx.socket(SocketType.PULL);
                pull.bind("inproc://shutdown-" + i);
                Thread t = new Thread(() -> {
                    started.countDown();
                    try {
                        pull.receiveBytes().orElseThrow();
                    } catch (Throwable e) {
                        outcome.set(e);
                    } finally {
                        pull.close();            // the owner closes its own socket
                    }
                });
                threads.add(t);
                t.start();
            }
            started.await();
            Thread.sleep(200);                    // let them block inside zmq_msg_recv
            long start = System.nanoTime();
            ctx.shutdown();
            for (Thread t : threads) {
                t.join(1000);
                assertFalse(t.isAlive(), "a receiver was still blocked 1 s after shutdown()");
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 1000, "took " + millis + " ms");
            for (AtomicReference<Throwable> o : outcomes) {
                assertInstanceOf(ContextTerminatedException.class, o.get());
            }
            assertTrue(ctx.isShutdown());
            assertThrows(ContextTerminatedException.class, () -> ctx.socket(SocketType.PAIR));
        }
    }

    @Test
    void closeWithSocketsBlockedInOtherThreadsReturnsWithinASecond() throws Exception {
        Context ctx = Context.create();
        Socket rep = ctx.socket(SocketType.REP);
        rep.bind("inproc://blocked");
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            started.countDown();
            try {
                rep.receiveString().orElseThrow();
            } catch (Throwable e) {
                outcome.set(e);
            }
            // this thread never closes its socket: the context does
        });
        t.start();
        started.await();
        Thread.sleep(200);
        long start = System.nanoTime();
        ctx.close();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        t.join(2000);
        assertFalse(t.isAlive());
        assertTrue(millis < 1000, "close took " + millis + " ms");
        assertInstanceOf(ContextTerminatedException.class, outcome.get());
        assertTrue(rep.isClosed());
        assertThrows(ContextTerminatedException.class, rep::receiveString);
    }

    @Test
    void typedOptionsRoundTripAndEnforceDirection() {
        try (Context ctx = Context.create()) {
            ctx.set(ContextOptions.IO_THREADS, 2);
            assertEquals(2, ctx.get(ContextOptions.IO_THREADS));
            ctx.set(ContextOptions.MAX_SOCKETS, 256);
            assertEquals(256, ctx.get(ContextOptions.MAX_SOCKETS));
            assertTrue(ctx.get(ContextOptions.SOCKET_LIMIT) >= 256);
            assertEquals(64, ctx.get(ContextOptions.MSG_T_SIZE));
            ctx.set(ContextOptions.IPV6, true);
            assertTrue(ctx.get(ContextOptions.IPV6));
            ctx.set(ContextOptions.BLOCKY, false);
            assertFalse(ctx.get(ContextOptions.BLOCKY));
            ctx.set(ContextOptions.THREAD_NAME_PREFIX, 7);
            assertThrows(UnsupportedOperationException.class, () -> ctx.set(ContextOptions.SOCKET_LIMIT, 5));
            assertThrows(UnsupportedOperationException.class, () -> ctx.get(ContextOptions.THREAD_PRIORITY));
            ZmqException e = assertThrows(ZmqException.class, () -> ctx.set(ContextOptions.IO_THREADS, -3));
            assertEquals(Errno.EINVAL, e.errno());
        }
    }

    @Test
    void createWithIoThreads() {
        try (Context ctx = Context.create(3)) {
            assertEquals(3, ctx.get(ContextOptions.IO_THREADS));
        }
        assertThrows(IllegalArgumentException.class, () -> Context.create(-1));
    }

    @Test
    void socketLimitIsAnExceptionNotACrash() {
        try (Context ctx = Context.create()) {
            ctx.set(ContextOptions.MAX_SOCKETS, 2);
            ctx.socket(SocketType.PAIR);
            ctx.socket(SocketType.PAIR);
            ZmqException e = assertThrows(ZmqException.class, () -> ctx.socket(SocketType.PAIR));
            assertEquals(Errno.EMFILE, e.errno());
        }
    }

    @Test
    void shutdownIsIdempotentAndCloseStillWorks() {
        Context ctx = Context.create();
        ctx.socket(SocketType.SUB);
        ctx.shutdown();
        ctx.shutdown();
        ctx.close();
        assertTrue(ctx.isClosed());
        assertEquals(0, ctx.openSockets());
        ctx.shutdown();
    }
}
