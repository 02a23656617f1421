package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import dev.zmqffm.testing.WithContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyTest extends WithContext {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void forwardsCapturesPausesAndCounts() {
        try (Socket front = ctx.socket(SocketType.PULL); Socket back = ctx.socket(SocketType.PUSH);
             Socket capture = ctx.socket(SocketType.PUSH); Socket producer = ctx.socket(SocketType.PUSH);
             Socket consumer = ctx.socket(SocketType.PULL); Socket tap = ctx.socket(SocketType.PULL)) {
            producer.connect(front.bind("inproc://front"));
            consumer.connect(back.bind("inproc://back"));
            tap.connect(capture.bind("inproc://tap"));
            try (Proxy proxy = Proxy.start(front, back, capture)) {
                assertTrue(proxy.isRunning());
                assertThrows(IllegalStateException.class, () -> front.send("busy"), "the proxy owns its sockets");
                producer.send("one");
                assertEquals(Optional.of("one"), consumer.receiveString(WAIT));
                assertEquals(Optional.of("one"), tap.receiveString(WAIT));

                proxy.pause();
                producer.send("two");
                assertEquals(Optional.empty(), consumer.receiveString(Duration.ofMillis(300)));
                proxy.resume();
                assertEquals(Optional.of("two"), consumer.receiveString(WAIT));

                Proxy.Statistics stats = proxy.statistics();
                assertEquals(2, stats.frontendMessagesIn());
                assertEquals(6, stats.frontendBytesIn());
                assertEquals(2, stats.backendMessagesOut());
                assertEquals(0, stats.backendMessagesIn());
                proxy.terminate();
                assertFalse(proxy.isRunning());
                assertTrue(proxy.failure().isEmpty());
                assertThrows(IllegalStateException.class, proxy::pause);
            }
            front.close();          // free again after terminate
        }
    }

    @Test
    void requestReplyBrokerOverTcp() {
        try (Socket routerFront = ctx.socket(SocketType.ROUTER); Socket dealerBack = ctx.socket(SocketType.DEALER);
             Socket client = ctx.socket(SocketType.REQ); Socket worker = ctx.socket(SocketType.REP)) {
            client.connect(routerFront.bind("tcp://127.0.0.1:*"));
            worker.connect(dealerBack.bind("tcp://127.0.0.1:*"));
            try (Proxy broker = Proxy.start(routerFront, dealerBack)) {
                for (int i = 0; i < 5; i++) {
                    client.send("job " + i);
                    assertEquals(Optional.of("job " + i), worker.receiveString(WAIT));
                    worker.send("done " + i);
                    assertEquals(Optional.of("done " + i), client.receiveString(WAIT));
                }
                assertEquals(5, broker.statistics().frontendMessagesIn());
            }
        }
    }

    @Test
    void contextShutdownEndsTheProxyAndCloseNeverHangs() throws Exception {
        Context other = Context.create();
        Socket front = other.socket(SocketType.PULL);
        Socket back = other.socket(SocketType.PUSH);
        front.bind("inproc://f");
        back.bind("inproc://b");
        Proxy proxy = Proxy.start(front, back);
        long start = System.nanoTime();
        other.close();
        proxy.terminate();
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2000);
        assertFalse(proxy.isRunning());
        assertTrue(proxy.failure().isEmpty(), "ETERM is a normal end");
    }

    @Test
    void socketsInUseOrRepeatedAreRejected() {
        try (Socket a = ctx.socket(SocketType.PULL); Socket b = ctx.socket(SocketType.PUSH)) {
            assertThrows(IllegalArgumentException.class, () -> Proxy.start(a, a));
            assertThrows(IllegalArgumentException.class, () -> Proxy.start(a, b, b));
            try (Proxy p = Proxy.start(a, b)) {
                assertThrows(IllegalStateException.class, () -> Proxy.start(a, b));
            }
            Socket closed = ctx.socket(SocketType.PUSH);
            closed.close();
            assertThrows(IllegalStateException.class, () -> Proxy.start(a, closed));
            int before = ctx.openSockets();
            assertEquals(before, ctx.openSockets(), "a failed start leaves no control sockets");
        }
    }

    @Test
    void socketsOfTwoContextsAreRefused() {
        try (Context other = Context.create();
             Socket front = ctx.socket(SocketType.ROUTER);
             Socket back = other.socket(SocketType.DEALER)) {
            // A proxy stuck sending to `other` could not be ended by closing ctx.
            assertThrows(IllegalArgumentException.class, () -> Proxy.start(front, back));
            front.bind("inproc://still-usable");                 // nothing was claimed
        }
    }
}
