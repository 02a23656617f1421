package dev.zmqffm.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zmqffm.Context;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketType;
import dev.zmqffm.testing.Endpoints;
import dev.zmqffm.testing.ForkedJvm;
import dev.zmqffm.testing.Peer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our sockets against a C program linked with libzmq, over tcp and ipc. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * argv: mode endpoint. "echo": REP, answers each request with "C:" + request, 3 times.
     * "sink": PULL, receives 100 messages and one 3-frame message, then PUSHes back to argv[3]
     * the byte count and the last frame verbatim (which contains NUL bytes).
     */
    private static final String PEER = """
            #include <zmq.h>
            #include <stdio.h>
            #include <string.h>
            int main(int argc, char **argv) {
                void *ctx = zmq_ctx_new();
                int timeout = 20000;
                if (strcmp(argv[1], "echo") == 0) {
                    void *rep = zmq_socket(ctx, ZMQ_REP);
                    zmq_setsockopt(rep, ZMQ_RCVTIMEO, &timeout, sizeof timeout);
                    if (zmq_connect(rep, argv[2]) != 0) return 2;
                    for (int i = 0; i < 3; i++) {
                        char buf[300] = "C:";
                        int n = zmq_recv(rep, buf + 2, sizeof buf - 2, 0);
                        if (n < 0) return 3;
                        zmq_send(rep, buf, (size_t) n + 2, 0);
                    }
                    zmq_close(rep);
                } else {
                    void *pull = zmq_socket(ctx, ZMQ_PULL);
                    void *push = zmq_socket(ctx, ZMQ_PUSH);
                    zmq_setsockopt(pull, ZMQ_RCVTIMEO, &timeout, sizeof timeout);
                    if (zmq_connect(pull, argv[2]) != 0 || zmq_connect(push, argv[3]) != 0) return 2;
                    long total = 0;
                    char buf[70000];
                    for (int i = 0; i < 100; i++) {
                        int n = zmq_recv(pull, buf, sizeof buf, 0);
                        if (n < 0) return 3;
                        total += n;
                    }
                    int more = 1, frames = 0, n = 0;
                    size_t len = sizeof more;
                    while (more) {
                        n = zmq_recv(pull, buf, sizeof buf, 0);
                        if (n < 0) return 4;
                        frames++;
                        zmq_getsockopt(pull, ZMQ_RCVMORE, &more, &len);
                    }
                    char line[64];
                    int m = snprintf(line, sizeof line, "%ld/%d", total, frames);
                    zmq_send(push, line, (size_t) m, ZMQ_SNDMORE);
                    zmq_send(push, buf, (size_t) n, 0);
                    zmq_close(push);
                    zmq_close(pull);
                }
                zmq_ctx_term(ctx);
                return 0;
            }
            """;

    @TempDir
    static Path dir;
    private static Path binary;

    @BeforeAll
    static void compile() throws Exception {
        Path source = dir.resolve("peer.c");
        Files.writeString(source, PEER);
        binary = dir.resolve("peer");
        ForkedJvm.Result r = ForkedJvm.exec(List.of("cc", "-O2", "-Wall", "-o", binary.toString(), source.toString(), "-lzmq"), 120);
        assertEquals(0, r.exitCode(), "compiling the C peer needs gcc and libzmq3-dev (apt-get install gcc libzmq3-dev)\n"
                + r.evidence());
    }

    enum Transport { TCP, IPC }

    private static String bindable(Transport t) {
        return Endpoints.bindable(t == Transport.TCP ? Endpoints.Transport.TCP : Endpoints.Transport.IPC);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void requestsToACPeer(Transport transport) {
        try (Context ctx = Context.create(); Socket req = ctx.socket(SocketType.REQ)) {
            String ep = req.bind(bindable(transport));
            try (Peer peer = Peer.start(List.of(binary.toString(), "echo", ep))) {
                for (int i = 0; i < 3; i++) {
                    req.send("hello" + i);
                    assertEquals(Optional.of("C:hello" + i), req.receiveString(WAIT));
                }
                assertEquals(0, peer.await(30).exitCode());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void pipelineThroughACPeerKeepsBytesExact(Transport transport) {
        try (Context ctx = Context.create();
             Socket push = ctx.socket(SocketType.PUSH);
             Socket pull = ctx.socket(SocketType.PULL)) {
            String out = push.bind(bindable(transport));
            String in = pull.bind(bindable(transport));
            try (Peer peer = Peer.start(List.of(binary.toString(), "sink", out, in))) {
                long total = 0;
                for (int i = 0; i < 100; i++) {
                    byte[] payload = new byte[i * 600];
                    total += payload.length;
                    push.send(payload);
                }
                byte[] withNuls = {'a', 0, 'b', 0, 0, 'c'};
                push.send("one", dev.zmqffm.SendFlags.SEND_MORE);
                push.send(new byte[0], dev.zmqffm.SendFlags.SEND_MORE);
                push.send(withNuls);
                List<byte[]> reply = pull.receiveMultipart(WAIT).orElseThrow();
                assertEquals(total + "/3", new String(reply.get(0)));
                assertArrayEquals(withNuls, reply.get(1), "ZeroMQ never parses bodies: NULs arrive as sent");
                assertEquals(0, peer.await(30).exitCode());
            }
        }
    }
}
