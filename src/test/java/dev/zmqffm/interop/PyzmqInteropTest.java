package dev.zmqffm.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zmqffm.Context;
import dev.zmqffm.CurveKey;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;
import dev.zmqffm.testing.ForkedJvm;
import dev.zmqffm.testing.WithContext;
import dev.zmqffm.testing.Peer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Our sockets against pyzmq (Python bindings over the same libzmq, another process) over tcp. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PyzmqInteropTest extends WithContext {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static void assertClean(ForkedJvm.Result r, String expectedOutput) {
        assertEquals(0, r.exitCode(), r.evidence());
        assertEquals(expectedOutput, r.stdout().strip(), r.evidence());
    }

    @Test
    void ourReqAgainstPyzmqRep() {
        String program = """
                import sys, zmq
                ctx = zmq.Context()
                rep = ctx.socket(zmq.REP)
                rep.setsockopt(zmq.LINGER, 1000)
                rep.setsockopt(zmq.RCVTIMEO, 20000)
                port = rep.bind_to_random_port("tcp://127.0.0.1")
                print(port, flush=True)
                for i in range(3):
                    rep.send(b"World " + rep.recv())
                rep.close(); ctx.term()
                """;
        try (Peer peer = Peer.python(program); Socket req = ctx.socket(SocketType.REQ)) {
            String port = awaitLine(peer);
            req.connect("tcp://127.0.0.1:" + port);
            for (int i = 0; i < 3; i++) {
                req.send("hello" + i);
                assertEquals(Optional.of("World hello" + i), req.receiveString(WAIT));
            }
            assertClean(peer.await(30), port);
        }
    }

    @Test
    void pyzmqReqAgainstOurRep() {
        String program = """
                import sys, zmq
                ctx = zmq.Context()
                req = ctx.socket(zmq.REQ)
                req.setsockopt(zmq.RCVTIMEO, 20000)
                req.connect(sys.argv[1])
                req.send_string("hello")
                print(req.recv_string())
                req.close(); ctx.term()
                """;
        try (Socket rep = ctx.socket(SocketType.REP)) {
            String ep = rep.bind("tcp://127.0.0.1:*");
            try (Peer peer = Peer.python(program, ep)) {
                assertEquals(Optional.of("hello"), rep.receiveString(WAIT));
                rep.send("World");
                assertClean(peer.await(30), "World");
            }
        }
    }

    @Test
    void pushPullBothWays() {
        String program = """
                import sys, zmq
                ctx = zmq.Context()
                pull = ctx.socket(zmq.PULL)
                pull.setsockopt(zmq.RCVTIMEO, 20000)
                pull.connect(sys.argv[1])
                push = ctx.socket(zmq.PUSH)
                push.setsockopt(zmq.LINGER, 5000)
                push.connect(sys.argv[2])
                total = 0
                for i in range(1000):
                    total += len(pull.recv())
                parts = pull.recv_multipart()
                push.send_multipart([str(total).encode(), str(len(parts)).encode(), parts[1]])
                push.close(); pull.close(); ctx.term()
                """;
        try (Socket push = ctx.socket(SocketType.PUSH); Socket pull = ctx.socket(SocketType.PULL)) {
            String out = push.bind("tcp://127.0.0.1:*");
            String in = pull.bind("tcp://127.0.0.1:*");
            try (Peer peer = Peer.python(program, out, in)) {
                long expected = 0;
                for (int i = 0; i < 1000; i++) {
                    byte[] payload = new byte[i % 97];
                    expected += payload.length;
                    push.send(payload);
                }
                push.sendMore("x");
                push.send(new byte[] {0, 1, 0});
                var reply = pull.receiveMultipart(WAIT).orElseThrow();
                assertEquals(String.valueOf(expected), new String(reply.get(0)));
                assertEquals("2", new String(reply.get(1)));
                assertEquals(3, reply.get(2).length, "NUL bytes in bodies pass through");
                assertClean(peer.await(30), "");
            }
        }
    }

    @Test
    void pubSubWithPyzmqSubscriber() {
        String program = """
                import sys, zmq
                ctx = zmq.Context()
                sub = ctx.socket(zmq.SUB)
                sub.setsockopt(zmq.SUBSCRIBE, b"weather")
                sub.setsockopt(zmq.RCVTIMEO, 20000)
                sub.connect(sys.argv[1])
                print(sub.recv_string(), flush=True)
                sub.close(); ctx.term()
                """;
        try (Socket pub = ctx.socket(SocketType.PUB)) {
            String ep = pub.bind("tcp://127.0.0.1:*");
            try (Peer peer = Peer.python(program, ep)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (peer.stdout().isEmpty() && System.nanoTime() < deadline) {
                    pub.send("sports no");
                    pub.send("weather yes");
                    sleep(20);
                }
                assertClean(peer.await(30), "weather yes");
            }
        }
    }

    @Test
    void curveKeysInZ85AreUnderstoodByPyzmq() {
        CurveKey.KeyPair server = CurveKey.generateKeyPair();
        String program = """
                import sys, zmq
                ctx = zmq.Context()
                req = ctx.socket(zmq.REQ)
                pub, sec = zmq.curve_keypair()
                req.curve_serverkey = sys.argv[2].encode()
                req.curve_publickey = pub
                req.curve_secretkey = sec
                req.setsockopt(zmq.RCVTIMEO, 20000)
                req.connect(sys.argv[1])
                req.send(b"encrypted hello")
                print(req.recv_string())
                req.close(); ctx.term()
                """;
        try (Socket rep = ctx.socket(SocketType.REP)) {
            rep.set(SocketOptions.CURVE_SERVER, true);
            rep.set(SocketOptions.CURVE_SECRETKEY, server.secretKey());
            String ep = rep.bind("tcp://127.0.0.1:*");
            try (Peer peer = Peer.python(program, ep, server.publicKey().toZ85())) {
                assertEquals(Optional.of("encrypted hello"), rep.receiveString(WAIT));
                rep.send("encrypted World");
                assertClean(peer.await(30), "encrypted World");
            }
        }
    }

    private static String awaitLine(Peer peer) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String out = peer.stdout();
            if (out.contains("\n")) {
                return out.substring(0, out.indexOf('\n')).strip();
            }
            sleep(20);
        }
        throw new AssertionError("peer printed nothing:\n" + peer.await(1).evidence());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
