package dev.zmqffm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.testing.Endpoints;
import dev.zmqffm.testing.Endpoints.Transport;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import dev.zmqffm.testing.WithContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every socket type pair libzmq allows, over inproc, ipc and tcp, exchanging real messages. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SocketTypeTest extends WithContext {
    private static final Duration WAIT = Duration.ofSeconds(10);

    static Stream<Arguments> pairs() {
        List<Arguments> all = new ArrayList<>();
        String[][] pairs = {{"PAIR", "PAIR"}, {"PUB", "SUB"}, {"PUB", "XSUB"}, {"XPUB", "SUB"}, {"XPUB", "XSUB"},
            {"REP", "REQ"}, {"ROUTER", "REQ"}, {"REP", "DEALER"}, {"ROUTER", "DEALER"}, {"DEALER", "DEALER"},
            {"ROUTER", "ROUTER"}, {"PULL", "PUSH"}, {"PUSH", "PULL"}};
        for (String[] p : pairs) {
            for (Transport t : Transport.values()) {
                all.add(Arguments.of(SocketType.valueOf(p[0]), SocketType.valueOf(p[1]), t));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} binds, {1} connects, over {2}")
    @MethodSource("pairs")
    void validPairsExchangeMessages(SocketType binderType, SocketType connectorType, Transport transport) {
        try (Socket b = ctx.socket(binderType); Socket c = ctx.socket(connectorType)) {
            if (binderType == SocketType.ROUTER && connectorType == SocketType.ROUTER) {
                b.set(SocketOptions.ROUTING_ID, "server".getBytes(UTF_8));
                c.set(SocketOptions.ROUTING_ID, "client".getBytes(UTF_8));
                c.set(SocketOptions.ROUTER_MANDATORY, true);
            }
            String ep = b.bind(Endpoints.bindable(transport));
            c.connect(ep);
            switch (binderType + "-" + connectorType) {
                case "PAIR-PAIR", "DEALER-DEALER" -> {
                    c.send("ping");
                    assertEquals(Optional.of("ping"), b.receiveString(WAIT));
                    b.send("pong");
                    assertEquals(Optional.of("pong"), c.receiveString(WAIT));
                }
                case "PULL-PUSH" -> {
                    c.send("job");
                    assertEquals(Optional.of("job"), b.receiveString(WAIT));
                }
                case "PUSH-PULL" -> {
                    b.send("job");
                    assertEquals(Optional.of("job"), c.receiveString(WAIT));
                }
                case "PUB-SUB" -> {
                    c.subscribe("");
                    assertEquals("news", publishUntilHeard(b, c));
                }
                case "PUB-XSUB" -> {
                    c.send(new byte[] {1});                    // XSUB subscribes by sending \x01 + prefix
                    assertEquals("news", publishUntilHeard(b, c));
                }
                case "XPUB-SUB", "XPUB-XSUB" -> {
                    if (connectorType == SocketType.SUB) {
                        c.subscribe("n");
                    } else {
                        c.send(new byte[] {1, 'n'});
                    }
                    assertArrayEquals(new byte[] {1, 'n'}, b.receiveBytes(WAIT).orElseThrow(), "subscription seen");
                    b.send("news");
                    assertEquals(Optional.of("news"), c.receiveString(WAIT));
                }
                case "REP-REQ" -> {
                    c.send("hello");
                    assertEquals(Optional.of("hello"), b.receiveString(WAIT));
                    b.send("World");
                    assertEquals(Optional.of("World"), c.receiveString(WAIT));
                }
                case "ROUTER-REQ" -> {
                    c.send("hello");
                    List<byte[]> in = b.receiveMultipart(WAIT).orElseThrow();
                    assertEquals(3, in.size(), "routing id, empty delimiter, body");
                    assertEquals(0, in.get(1).length);
                    b.sendMultipart(List.of(in.get(0), new byte[0], "World".getBytes(UTF_8)));
                    assertEquals(Optional.of("World"), c.receiveString(WAIT));
                }
                case "REP-DEALER" -> {
                    c.sendMultipart(List.of(new byte[0], "hello".getBytes(UTF_8)));
                    assertEquals(Optional.of("hello"), b.receiveString(WAIT));
                    b.send("World");
                    List<byte[]> reply = c.receiveMultipart(WAIT).orElseThrow();
                    assertEquals("World", new String(reply.get(1), UTF_8));
                }
                case "ROUTER-DEALER" -> {
                    c.send("hello");
                    List<byte[]> in = b.receiveMultipart(WAIT).orElseThrow();
                    assertEquals("hello", new String(in.get(1), UTF_8));
                    b.sendMultipart(List.of(in.get(0), "World".getBytes(UTF_8)));
                    assertEquals(Optional.of("World"), c.receiveString(WAIT));
                }
                case "ROUTER-ROUTER" -> {
                    long deadline = System.nanoTime() + WAIT.toNanos();
                    while (true) {                              // until the handshake told c about "server"
                        try {
                            c.sendMultipart(List.of("server".getBytes(UTF_8), "hi".getBytes(UTF_8)));
                            break;
                        } catch (HostUnreachableException e) {
                            assertTrue(System.nanoTime() < deadline, "server never became routable");
                            sleep(10);
                        }
                    }
                    List<byte[]> in = b.receiveMultipart(WAIT).orElseThrow();
                    assertEquals("client", new String(in.get(0), UTF_8));
                    assertEquals("hi", new String(in.get(1), UTF_8));
                }
                default -> throw new AssertionError("no scenario for " + binderType + "-" + connectorType);
            }
        }
    }

    private static String publishUntilHeard(Socket pub, Socket sub) {
        for (int i = 0; i < 200; i++) {              // slow joiner: subscriptions travel asynchronously
            pub.send("news");
            Optional<String> got = sub.receiveString(Duration.ofMillis(25));
            if (got.isPresent()) {
                return got.get();
            }
        }
        return "nothing heard";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void incompatiblePairsDoNotTalk() {
        try (Socket push = ctx.socket(SocketType.PUSH); Socket sub = ctx.socket(SocketType.SUB)) {
            String ep = push.bind("tcp://127.0.0.1:*");
            sub.subscribe("");
            sub.connect(ep);
            push.send("lost", Duration.ofMillis(200));
            assertEquals(Optional.empty(), sub.receiveString(Duration.ofMillis(300)));
        }
    }

    @Test
    void streamTalksToPlainTcpPeers() throws Exception {
        try (Socket stream = ctx.socket(SocketType.STREAM)) {
            String ep = stream.bind("tcp://127.0.0.1:*");
            int port = Integer.parseInt(ep.substring(ep.lastIndexOf(':') + 1));
            try (java.net.Socket raw = new java.net.Socket("127.0.0.1", port)) {
                raw.setSoTimeout(10_000);
                List<byte[]> connect = stream.receiveMultipart(WAIT).orElseThrow();
                assertEquals(0, connect.get(1).length, "connection notification");
                OutputStream os = raw.getOutputStream();
                os.write("GET".getBytes(UTF_8));
                os.flush();
                List<byte[]> data = stream.receiveMultipart(WAIT).orElseThrow();
                assertArrayEquals(connect.get(0), data.get(0));
                assertEquals("GET", new String(data.get(1), UTF_8));
                stream.sendMultipart(List.of(data.get(0), "OK".getBytes(UTF_8)));
                InputStream is = raw.getInputStream();
                assertArrayEquals("OK".getBytes(UTF_8), is.readNBytes(2));
            }
        }
    }

    @Test
    void codesAreLibzmqs() {
        assertEquals(0, SocketType.PAIR.code());
        assertEquals(3, SocketType.REQ.code());
        assertEquals(11, SocketType.STREAM.code());
        assertEquals(SocketType.ROUTER, SocketType.of(6));
        assertThrows(IllegalArgumentException.class, () -> SocketType.of(12));
    }
}
