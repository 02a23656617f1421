package dev.zmqffm.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.testing.ForkedJvm;
import dev.zmqffm.testing.Peer;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The blog's programs, run as separate processes the way scripts/sample runs them. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SamplesTest {

    static List<String> java(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(ForkedJvm.javaLauncher().toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static long count(String text, String line) {
        return text.lines().filter(line::equals).count();
    }

    private static void awaitListening(Peer server) throws Exception {
        awaitListening(server, "listening");
    }

    static void awaitListening(Peer server, String word) throws Exception {
        for (int i = 0; i < 300 && !server.stderr().contains(word); i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void serverAnswersEveryRequestAndStopsCleanlyOnSigterm() throws Exception {
        int port = freePort();
        try (Peer server = Peer.start(java(HelloServer.class, "tcp://127.0.0.1:" + port))) {
            awaitListening(server);
            ForkedJvm.Result client = ForkedJvm.exec(java(HelloClient.class, "tcp://127.0.0.1:" + port, "3"), 60);
            assertEquals(0, client.exitCode(), client.evidence());
            assertEquals(3, count(client.stdout(), "World"), client.evidence());
            ForkedJvm.Result done = server.terminate(30);
            assertEquals(0, done.exitCode(), "SIGTERM must end the server with status 0\n" + done.evidence());
            assertEquals(3, count(done.stdout(), "received hello"), done.evidence());
        }
    }

    @Test
    void clientStartedBeforeTheServerStillGetsItsReply() throws Exception {
        int port = freePort();
        try (Peer client = Peer.start(java(HelloClient.class, "tcp://127.0.0.1:" + port))) {
            Thread.sleep(2000);
            try (Peer server = Peer.start(java(HelloServer.class, "tcp://127.0.0.1:" + port))) {
                ForkedJvm.Result c = client.await(60);
                assertEquals(0, c.exitCode(), c.evidence());
                assertEquals("World", c.stdout().strip(), c.evidence());
                ForkedJvm.Result s = server.terminate(30);
                assertTrue(s.stdout().contains("received hello"), s.evidence());
            }
        }
    }

    @Test
    void weatherSubscriberHearsOnlyItsZipcode() throws Exception {
        String ep = "tcp://127.0.0.1:" + freePort();
        try (Peer server = Peer.start(java(WeatherServer.class, ep))) {
            awaitListening(server, "publishing");
            ForkedJvm.Result client = ForkedJvm.exec(java(WeatherClient.class, ep, "10003", "25"), 60);
            assertEquals(0, client.exitCode(), client.evidence());
            assertTrue(client.stdout().matches("(?s)average temperature for zipcode 10003 was -?\\d+F over 25 updates\\s*"),
                    client.evidence());
            assertEquals(0, server.terminate(30).exitCode());
        }
    }

    @Test
    void pipelineSpreadsTasksOverWorkersAndCollectsEveryResult() throws Exception {
        String tasks = "tcp://127.0.0.1:" + freePort();
        String results = "tcp://127.0.0.1:" + freePort();
        try (Peer sink = Peer.start(java(TaskSink.class, results));
             Peer w1 = Peer.start(java(TaskWorker.class, tasks, results));
             Peer w2 = Peer.start(java(TaskWorker.class, tasks, results))) {
            awaitListening(sink, "listening");
            ForkedJvm.Result ventilator = ForkedJvm.exec(java(TaskVentilator.class, "40", tasks, results), 60);
            assertEquals(0, ventilator.exitCode(), ventilator.evidence());
            ForkedJvm.Result done = sink.await(60);
            assertEquals(0, done.exitCode(), done.evidence());
            assertTrue(done.stdout().startsWith("collected 40 results"), done.evidence());
            assertEquals(0, w1.terminate(30).exitCode());
            assertEquals(0, w2.terminate(30).exitCode());
        }
    }

    @Test
    void brokerConnectsClientsAndWorkersThroughAProxy() throws Exception {
        String front = "tcp://127.0.0.1:" + freePort();
        String back = "tcp://127.0.0.1:" + freePort();
        try (Peer broker = Peer.start(java(Broker.class, front, back));
             Peer worker = Peer.start(java(BrokerWorker.class, back))) {
            awaitListening(broker, "clients on");
            ForkedJvm.Result client = ForkedJvm.exec(java(BrokerClient.class, front, "5"), 60);
            assertEquals(0, client.exitCode(), client.evidence());
            assertEquals(5, client.stdout().lines().filter(l -> l.startsWith("REQUEST ")).count(), client.evidence());
            ForkedJvm.Result w = worker.terminate(30);
            assertEquals(0, w.exitCode(), w.evidence());
            ForkedJvm.Result b = broker.terminate(30);
            assertEquals(0, b.exitCode(), "the broker stops cleanly with its proxy running\n" + b.evidence());
        }
    }
}
