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

    private static List<String> java(Class<?> main, String... args) {
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
        for (int i = 0; i < 300 && !server.stderr().contains("listening"); i++) {
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
}
