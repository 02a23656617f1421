package dev.zmqffm.interop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.Context;
import dev.zmqffm.MonitorEvent;
import dev.zmqffm.SocketMonitor;
import dev.zmqffm.SendFlags;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Our sockets against JeroMQ, an independent pure-Java implementation of ZMTP, over tcp. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JeroMqInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private Context ctx;
    private ZContext jctx;

    @BeforeEach
    void open() {
        ctx = Context.create();
        jctx = new ZContext();
        jctx.setLinger(0);
    }

    @AfterEach
    void close() {
        jctx.close();
        ctx.close();
    }

    /** Runs {@code body} on a thread, joins it, and rethrows whatever it threw. */
    private static void inThread(ThrowingRunnable body, Runnable main) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        try {
            main.run();
        } finally {
            t.join(30_000);
        }
        assertFalse(t.isAlive(), "peer thread did not finish");
        if (failure.get() != null) {
            throw new AssertionError("peer failed", failure.get());
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /**
     * Connects and waits for the ZMTP handshake, seen from our socket's monitor. About one
     * libzmq 4.3.4 ↔ JeroMQ 0.6.0 connection in fifteen stalls after the TCP accept on this
     * machine (no HANDSHAKE_SUCCEEDED, while JeroMQ ↔ JeroMQ never does), so a stalled attempt is
     * dropped and made again — at most three times, and the test fails if none completes.
     */
    private static void handshake(Socket ours, Runnable connect, Runnable disconnect) {
        try (SocketMonitor monitor = SocketMonitor.start(ours, Set.of(MonitorEvent.Type.HANDSHAKE_SUCCEEDED))) {
            for (int attempt = 1; attempt <= 3; attempt++) {
                connect.run();
                if (monitor.next(Duration.ofSeconds(3)).isPresent()) {
                    return;
                }
                System.err.println("JeroMQ handshake stalled, attempt " + attempt);
                disconnect.run();
            }
        }
        throw new AssertionError("no ZMTP handshake with JeroMQ in three attempts");
    }

    @Test
    void ourReqAgainstJeroMqRep() throws Exception {
        ZMQ.Socket rep = jctx.createSocket(org.zeromq.SocketType.REP);
        int port = rep.bindToRandomPort("tcp://127.0.0.1");
        rep.setReceiveTimeOut(10_000);
        try (Socket req = ctx.socket(SocketType.REQ)) {
            String ep = "tcp://127.0.0.1:" + port;
            handshake(req, () -> req.connect(ep), () -> req.disconnect(ep));
            inThread(() -> {
                for (int i = 0; i < 3; i++) {
                    String got = rep.recvStr();
                    rep.send("World " + got);
                }
            }, () -> {
                for (int i = 0; i < 3; i++) {
                    req.send("hello" + i);
                    assertEquals(Optional.of("World hello" + i), req.receiveString(WAIT));
                }
            });
        }
    }

    @Test
    void jeroMqReqAgainstOurRep() throws Exception {
        try (Socket rep = ctx.socket(SocketType.REP)) {
            String ep = rep.bind("tcp://127.0.0.1:*");
            ZMQ.Socket req = jctx.createSocket(org.zeromq.SocketType.REQ);
            req.setReceiveTimeOut(10_000);
            handshake(rep, () -> req.connect(ep), () -> req.disconnect(ep));
            AtomicReference<String> reply = new AtomicReference<>();
            inThread(() -> {
                req.send("hello");
                reply.set(req.recvStr());
            }, () -> {
                assertEquals(Optional.of("hello"), rep.receiveString(WAIT));
                rep.send("World");
            });
            assertEquals("World", reply.get());
        }
    }

    @Test
    void ourPubToJeroMqSubWithATopicFilter() {
        try (Socket pub = ctx.socket(SocketType.PUB)) {
            String ep = pub.bind("tcp://127.0.0.1:*");
            ZMQ.Socket sub = jctx.createSocket(org.zeromq.SocketType.SUB);
            sub.subscribe("weather".getBytes(UTF_8));
            sub.setReceiveTimeOut(20);
            handshake(pub, () -> sub.connect(ep), () -> sub.disconnect(ep));
            String got = null;
            for (int i = 0; i < 500 && got == null; i++) {   // slow joiner: publish until heard
                pub.send("sports nothing");
                pub.send("weather sunny");
                got = sub.recvStr();
            }
            assertEquals("weather sunny", got);
            sub.setReceiveTimeOut(200);
            String next;
            while ((next = sub.recvStr()) != null) {
                assertTrue(next.startsWith("weather"), "filter let through: " + next);
            }
        }
    }

    @Test
    void jeroMqPubToOurSub() {
        ZMQ.Socket pub = jctx.createSocket(org.zeromq.SocketType.PUB);
        int port = pub.bindToRandomPort("tcp://127.0.0.1");
        try (Socket sub = ctx.socket(SocketType.SUB)) {
            sub.subscribe("a");
            String ep = "tcp://127.0.0.1:" + port;
            handshake(sub, () -> sub.connect(ep), () -> sub.disconnect(ep));
            Optional<String> got = Optional.empty();
            for (int i = 0; i < 500 && got.isEmpty(); i++) {
                pub.send("b ignored");
                pub.send("a kept");
                got = sub.receiveString(Duration.ofMillis(20));
            }
            assertEquals(Optional.of("a kept"), got);
        }
    }

    @Test
    void pushPullInOrderWithMultipartEmptyAndLargeFrames() throws Exception {
        ZMQ.Socket pull = jctx.createSocket(org.zeromq.SocketType.PULL);
        int port = pull.bindToRandomPort("tcp://127.0.0.1");
        pull.setReceiveTimeOut(10_000);
        byte[] big = new byte[1 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        int n = 1000;
        try (Socket push = ctx.socket(SocketType.PUSH)) {
            String ep = "tcp://127.0.0.1:" + port;
            handshake(push, () -> push.connect(ep), () -> push.disconnect(ep));
            inThread(() -> {
                for (int i = 0; i < n; i++) {
                    assertEquals("m" + i, pull.recvStr());
                }
                assertEquals("head", pull.recvStr());
                assertTrue(pull.hasReceiveMore());
                assertArrayEquals(new byte[0], pull.recv(0));
                assertTrue(pull.hasReceiveMore());
                assertArrayEquals(big, pull.recv(0));
                assertFalse(pull.hasReceiveMore());
            }, () -> {
                for (int i = 0; i < n; i++) {
                    push.send("m" + i);
                }
                push.send("head", SendFlags.SEND_MORE);
                push.send(new byte[0], SendFlags.SEND_MORE);
                push.send(big);
            });
        }
    }

    @Test
    void jeroMqPushToOurPull() {
        try (Socket pull = ctx.socket(SocketType.PULL)) {
            String ep = pull.bind("tcp://127.0.0.1:*");
            ZMQ.Socket push = jctx.createSocket(org.zeromq.SocketType.PUSH);
            handshake(pull, () -> push.connect(ep), () -> push.disconnect(ep));
            for (int i = 0; i < 100; i++) {
                push.send("job " + i);
            }
            push.sendMore("a");
            push.send("b");
            for (int i = 0; i < 100; i++) {
                assertEquals(Optional.of("job " + i), pull.receiveString(WAIT));
            }
            List<byte[]> parts = pull.receiveMultipart(WAIT).orElseThrow();
            assertEquals(2, parts.size());
            assertEquals("b", new String(parts.get(1), UTF_8));
        }
    }
}
