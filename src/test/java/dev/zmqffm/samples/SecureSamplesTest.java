package dev.zmqffm.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.Certificate;
import dev.zmqffm.testing.ForkedJvm;
import dev.zmqffm.testing.Peer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The security samples as processes, with certificates and peers from pyzmq. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SecureSamplesTest {
    @TempDir
    Path dir;

    private static String endpoint() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return "tcp://127.0.0.1:" + s.getLocalPort();
        }
    }

    private Path pyzmqCertificates() throws Exception {
        try (Peer py = Peer.python("""
                import sys, os, shutil, zmq.auth
                d = sys.argv[1]
                for name in ("server", "alice", "mallory"):
                    zmq.auth.create_certificates(d, name)
                os.makedirs(os.path.join(d, "clients"))
                shutil.copy(os.path.join(d, "alice.key"), os.path.join(d, "clients"))
                """, dir.toString())) {
            assertEquals(0, py.await(60).exitCode());
        }
        for (String secret : List.of("server", "alice", "mallory")) {
            Files.setPosixFilePermissions(dir.resolve(secret + ".key_secret"), PosixFilePermissions.fromString("rw-------"));
        }
        return dir;
    }

    @Test
    void secureServerAnswersListedClientsOnlyIncludingPyzmqOnes() throws Exception {
        pyzmqCertificates();
        String ep = endpoint();
        String alice = Certificate.load(dir.resolve("alice.key")).publicKey().toZ85();
        try (Peer server = Peer.start(SamplesTest.java(SecureServer.class, ep, dir.resolve("server.key_secret").toString(),
                dir.resolve("clients").toString()))) {
            SamplesTest.awaitListening(server, "listening");
            ForkedJvm.Result ok = ForkedJvm.exec(SamplesTest.java(SecureClient.class, ep, dir.resolve("server.key").toString(),
                    dir.resolve("alice.key_secret").toString(), "hello"), 60);
            assertEquals(0, ok.exitCode(), ok.evidence());
            assertEquals(alice + ":hello", ok.stdout().strip(), ok.evidence());

            ForkedJvm.Result denied = ForkedJvm.exec(SamplesTest.java(SecureClient.class, ep,
                    dir.resolve("server.key").toString(), dir.resolve("mallory.key_secret").toString(), "let me in"), 60);
            assertEquals(1, denied.exitCode(), denied.evidence());
            assertEquals("", denied.stdout().strip());

            try (Peer py = Peer.python("""
                    import sys, zmq, zmq.auth
                    ctx = zmq.Context()
                    s = ctx.socket(zmq.REQ)
                    s.curve_publickey, s.curve_secretkey = zmq.auth.load_certificate(sys.argv[2])
                    s.curve_serverkey, _ = zmq.auth.load_certificate(sys.argv[3])
                    s.setsockopt(zmq.RCVTIMEO, 20000); s.setsockopt(zmq.LINGER, 0)
                    s.connect(sys.argv[1]); s.send(b"from python")
                    print(s.recv().decode()); s.close(); ctx.term()
                    """, ep, dir.resolve("alice.key_secret").toString(), dir.resolve("server.key").toString())) {
                ForkedJvm.Result r = py.await(60);
                assertEquals(0, r.exitCode(), r.evidence());
                assertEquals(alice + ":from python", r.stdout().strip());
            }
            ForkedJvm.Result done = server.terminate(30);
            assertEquals(0, done.exitCode(), "SIGTERM ends the server cleanly\n" + done.evidence());
            String mallory = Certificate.load(dir.resolve("mallory.key")).publicKey().toZ85();
            assertTrue(done.stderr().contains("denied " + mallory), done.evidence());
        }
    }

    @Test
    void secureClientAgainstAPyzmqServerWithThreadAuthenticator() throws Exception {
        pyzmqCertificates();
        try (Peer py = Peer.python("""
                import sys, os, zmq, zmq.auth
                from zmq.auth.thread import ThreadAuthenticator
                ctx = zmq.Context()
                auth = ThreadAuthenticator(ctx); auth.start()
                auth.configure_curve(domain="*", location=os.path.join(sys.argv[1], "clients"))
                s = ctx.socket(zmq.REP)
                s.curve_publickey, s.curve_secretkey = zmq.auth.load_certificate(os.path.join(sys.argv[1], "server.key_secret"))
                s.curve_server = True
                s.setsockopt(zmq.RCVTIMEO, 30000)
                print(s.bind_to_random_port("tcp://127.0.0.1"), flush=True)
                s.send(b"pyzmq:" + s.recv())
                s.close(); auth.stop(); ctx.term()
                """, dir.toString())) {
            String port = "";
            for (int i = 0; i < 500 && !py.stdout().contains("\n"); i++) {
                Thread.sleep(20);
            }
            port = py.stdout().strip();
            ForkedJvm.Result ok = ForkedJvm.exec(SamplesTest.java(SecureClient.class, "tcp://127.0.0.1:" + port,
                    dir.resolve("server.key").toString(), dir.resolve("alice.key_secret").toString(), "hi"), 60);
            assertEquals(0, ok.exitCode(), ok.evidence() + py.stderr());
            assertEquals("pyzmq:hi", ok.stdout().strip());
            assertEquals(0, py.await(30).exitCode());
        }
    }

    @Test
    void plainServerAndClientOnLoopback() throws Exception {
        // A modest PBKDF2 cost: the check must fit the 1 s reply deadline on a loaded test machine.
        ForkedJvm.Result hash = ForkedJvm.exec(SamplesTest.java(PlainServer.class, "hash", "alice", "1000"),
                Map.of("ZMQFFM_PASSWORD", "tr0ub4dor"), 60);
        assertEquals(0, hash.exitCode(), hash.evidence());
        assertTrue(hash.stdout().startsWith("alice:pbkdf2-sha256:1000:"), hash.stdout());
        Path users = Files.writeString(dir.resolve("users.pw"), hash.stdout());
        String ep = endpoint();
        try (Peer server = Peer.start(SamplesTest.java(PlainServer.class, ep, users.toString()))) {
            SamplesTest.awaitListening(server, "listening");
            ForkedJvm.Result ok = ForkedJvm.exec(SamplesTest.java(PlainClient.class, ep, "alice", "hello"),
                    Map.of("ZMQFFM_PASSWORD", "tr0ub4dor"), 60);
            assertEquals(0, ok.exitCode(), ok.evidence());
            assertEquals("alice:hello", ok.stdout().strip());
            ForkedJvm.Result wrong = ForkedJvm.exec(SamplesTest.java(PlainClient.class, ep, "alice", "hello"),
                    Map.of("ZMQFFM_PASSWORD", "guess"), 60);
            assertEquals(1, wrong.exitCode(), wrong.evidence());
            ForkedJvm.Result done = server.terminate(30);
            assertEquals(0, done.exitCode(), done.evidence());
            assertTrue(!done.stderr().contains("tr0ub4dor") && !done.stderr().contains("guess"), done.evidence());
        }
        ForkedJvm.Result refused = ForkedJvm.exec(SamplesTest.java(PlainServer.class, "tcp://0.0.0.0:0", users.toString()), 60);
        assertTrue(refused.exitCode() != 0 && refused.stderr().contains("PLAIN_NOT_LOOPBACK"), refused.evidence());
    }
}
