package dev.zmqffm.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Faults across two "hosts" — network namespaces this test creates ({@link Netns}) — with the
 * peers as separate JVMs ({@link FaultPeer}): SIGKILL and restart of a server, partitions
 * (link down, then up), a rate-limited link, and heartbeats detecting a silent peer. Each test
 * prints its measurements as {@code FAULT …} lines (the README's reliability figures). Skipped,
 * with the reason, where namespaces cannot be created (not root, not Linux).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FaultTest {

    @BeforeAll
    static void namespacesAvailable() {
        Optional<String> why = Netns.unavailable();
        why.ifPresent(reason -> System.out.println("FaultTest skipped: " + reason));
        Assumptions.assumeTrue(why.isEmpty(), () -> "network namespaces unavailable: " + why.orElse(""));
    }

    private static long number(String line, String key) {
        Matcher m = Pattern.compile(key + "=(-?\\d+)").matcher(line);
        assertTrue(m.find(), key + " missing in " + line);
        return Long.parseLong(m.group(1));
    }

    @Test
    void lazyPirateLosesNothingThroughServerCrashesAndPartitions() throws Exception {
        try (Netns net = Netns.create()) {
            String endpoint = "tcp://" + net.addressB() + ":5555";
            Netns.Peer server = net.startOnB("rep", endpoint);
            server.await("READY", 30);
            Netns.Peer client = net.startOnA("lpclient", endpoint, "1000", "300", "5");
            client.await("PROGRESS 200", 60);
            server.kill();                                         // crash
            Thread.sleep(500);
            server = net.startOnB("rep", endpoint);                // restart
            server.await("READY", 30);
            client.await("PROGRESS 400", 60);
            net.partition(true);                                   // partition
            Thread.sleep(1500);
            net.partition(false);                                  // heal
            client.await("PROGRESS 600", 60);
            server.kill();
            net.partition(true);                                   // crash during a partition
            Thread.sleep(500);
            server = net.startOnB("rep", endpoint);
            server.await("READY", 30);
            net.partition(false);
            String summary = client.await("LP ", 90);
            System.out.println("FAULT lazy-pirate across namespaces, 2 SIGKILLs + 2 partitions: " + summary);
            client.output().lines().filter(l -> l.startsWith("RESUMED")).forEach(l -> System.out.println("FAULT   " + l));
            assertEquals(0, number(summary, "lost"), client.output());
            assertTrue(client.output().lines().filter(l -> l.startsWith("RESUMED")).count() >= 3,
                    "each fault should stall and resume the client:\n" + client.output());
            assertEquals(0, number(summary, "mismatched"), client.output());
            assertTrue(number(summary, "retries") >= 3, "the faults did not reach the client:\n" + client.output());
            assertEquals(0, client.waitFor(30));
        }
    }

    @Test
    void heartbeatsDetectASilentPeerAndTheConnectionResumesAfterHealing() throws Exception {
        try (Netns net = Netns.create()) {
            String endpoint = "tcp://" + net.addressB() + ":5556";
            net.startOnB("rep", endpoint).await("READY", 30);
            Netns.Peer client = net.startOnA("heartbeat", endpoint);
            client.await("CONNECTED", 30);
            Thread.sleep(300);
            long silenced = System.currentTimeMillis();
            net.partition(true);                                   // the peer goes silent, no FIN, no RST
            long detected = Long.parseLong(client.await("DISCONNECTED", 20).split(" ")[1]);
            Thread.sleep(500);
            long healed = System.currentTimeMillis();
            net.partition(false);
            long resumed = Long.parseLong(client.await("CONNECTED", 30).split(" ")[1]);
            System.out.println("FAULT heartbeat (IVL 100 ms, TIMEOUT 500 ms): silent peer detected after "
                    + (detected - silenced) + " ms; reconnected " + (resumed - healed) + " ms after the heal");
            assertTrue(detected - silenced < 2000, "detected after " + (detected - silenced) + " ms");
            assertTrue(resumed - healed < 10_000, "resumed after " + (resumed - healed) + " ms");
        }
    }

    @Test
    void pubSubResumesAfterAPartitionAndAPublisherCrash() throws Exception {
        try (Netns net = Netns.create()) {
            String endpoint = "tcp://" + net.addressB() + ":5557";
            Netns.Peer pub = net.startOnB("pub", endpoint);
            pub.await("READY", 30);
            Netns.Peer sub = net.startOnA("sub", endpoint, "9");
            sub.await("READY", 30);
            Thread.sleep(1000);
            net.partition(true);
            Thread.sleep(2000);
            net.partition(false);
            Thread.sleep(1500);
            pub.kill();                                            // the publisher crashes
            Thread.sleep(300);
            net.startOnB("pub", endpoint).await("READY", 30);      // a new one restarts its numbering
            String summary = sub.await("SUB ", 40);
            System.out.println("FAULT pub/sub, 2 s partition then publisher SIGKILL + restart: " + summary);
            sub.output().lines().filter(l -> l.startsWith("GAP")).forEach(l -> System.out.println("FAULT   " + l));
            assertTrue(number(summary, "received") > 3000, sub.output());
            // The restarted publisher counts from 0 again: what it sends first reads as "backwards".
            assertTrue(number(summary, "backwards") > 0, "nothing arrived from the restarted publisher:\n" + sub.output());
            assertTrue(sub.output().contains("GAP"), "a 2 s partition with 500 ms heartbeats must lose messages:\n"
                    + sub.output());
        }
    }

    @Test
    void pushPullLosesNothingToASlowConsumerAtTheHighWaterMark() throws Exception {
        try (Netns net = Netns.create()) {
            String endpoint = "tcp://" + net.addressA() + ":5558";
            Netns.Peer pull = net.startOnA("pull", endpoint, "1500");
            pull.await("READY", 30);
            net.slowLink("4mbit");                                 // B -> A at 4 Mbit/s
            Netns.Peer push = net.startOnB("push", endpoint, "1500");
            String pushed = push.await("PUSH", 60);
            String pulled = pull.await("PULL", 60);
            System.out.println("FAULT push/pull over a 4 Mbit/s token bucket, HWM 10: " + pushed + " / " + pulled);
            assertEquals(0, number(pulled, "lost"), pull.output());
            assertEquals(0, number(pulled, "duplicated"), pull.output());
            assertTrue(number(pushed, "hwmWaits") > 0, "the sender never reached the HWM: " + pushed);
        }
    }
}
