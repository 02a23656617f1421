package dev.zmqffm.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.AuditRecord;
import dev.zmqffm.Authenticator;
import dev.zmqffm.Certificate;
import dev.zmqffm.DomainPolicy;
import dev.zmqffm.InsecureConfigurationException;
import dev.zmqffm.Message;
import dev.zmqffm.PasswordStore;
import dev.zmqffm.SecurityRule;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketSecurity;
import dev.zmqffm.SocketType;
import dev.zmqffm.testing.ForkedJvm;
import dev.zmqffm.testing.Peer;
import dev.zmqffm.testing.WithContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security against pyzmq (another process, same libzmq): pyzmq's certificate files loaded here,
 * pyzmq CURVE and PLAIN clients against our authenticator, and our clients against pyzmq's
 * {@code ThreadAuthenticator} (which reads certificates we wrote).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PyzmqSecurityInteropTest extends WithContext {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static void python(String program, String... args) {
        try (Peer p = Peer.python(program, args)) {
            ForkedJvm.Result r = p.await(60);
            assertEquals(0, r.exitCode(), r.evidence());
        }
    }

    private static String awaitLine(Peer peer) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            String out = peer.stdout();
            if (out.contains("\n")) {
                return out.substring(0, out.indexOf('\n')).strip();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("peer printed nothing:\n" + peer.await(1).evidence());
    }

    /** A pyzmq CURVE REQ client: argv endpoint, client secret cert, server cert, receive timeout ms. */
    private static final String CURVE_CLIENT = """
            import sys, zmq, zmq.auth
            ctx = zmq.Context()
            pub, sec = zmq.auth.load_certificate(sys.argv[2])
            spub, _ = zmq.auth.load_certificate(sys.argv[3])
            s = ctx.socket(zmq.REQ)
            s.curve_publickey, s.curve_secretkey, s.curve_serverkey = pub, sec, spub
            s.setsockopt(zmq.RCVTIMEO, int(sys.argv[4]))
            s.setsockopt(zmq.LINGER, 0)
            s.connect(sys.argv[1])
            s.send(b"ping")
            try:
                print(s.recv().decode())
            except zmq.Again:
                print("no reply")
            s.close(); ctx.term()
            """;

    private static final String CREATE = """
            import sys, zmq.auth
            zmq.auth.create_certificates(sys.argv[1], "server")
            zmq.auth.create_certificates(sys.argv[1], "client", metadata={"name": "py-client"})
            """;

    @Test
    void pyzmqCertificatesLoadHereAndItsCurveClientIsAuthenticated() throws Exception {
        python(CREATE, dir.toString());
        Path serverSecret = dir.resolve("server.key_secret");
        InsecureConfigurationException e = assertThrows(InsecureConfigurationException.class,
                () -> Certificate.load(serverSecret), "pyzmq writes secret files readable by others");
        assertEquals(SecurityRule.SECRET_FILE_READABLE, e.rule());
        Files.setPosixFilePermissions(serverSecret, PosixFilePermissions.fromString("rw-------"));
        Certificate server = Certificate.load(serverSecret);
        assertEquals(Certificate.load(dir.resolve("server.key")).publicKey(), server.publicKey());
        Certificate client = Certificate.load(dir.resolve("client.key"));
        Path clientSecret = dir.resolve("client.key_secret");
        Files.setPosixFilePermissions(clientSecret, PosixFilePermissions.fromString("rw-------"));
        // pyzmq writes the metadata into the secret file only.
        assertEquals(Map.of("name", "py-client"), Certificate.load(clientSecret).metadata());
        assertEquals(client.publicKey(), Certificate.load(clientSecret).publicKey());
        Path allowed = Files.createDirectory(dir.resolve("allowed"));
        Files.copy(dir.resolve("client.key"), allowed.resolve("client.key"));


        List<AuditRecord> audit = new CopyOnWriteArrayList<>();
        try (Authenticator auth = Authenticator.builder(ctx).audit(audit::add)
                .policy("py", DomainPolicy.builder().curveCertificates(allowed).build()).start();
             Socket rep = ctx.socket(SocketType.REP)) {
            SocketSecurity.curveServer(auth, "py", server).applyTo(rep);
            String ep = rep.bind("tcp://127.0.0.1:*");
            try (Peer py = Peer.python(CURVE_CLIENT, ep, dir.resolve("client.key_secret").toString(),
                    dir.resolve("server.key").toString(), "20000"); Message m = new Message()) {
                assertTrue(rep.receive(m, WAIT), py.stderr());
                String who = auth.verifiedUserId(m).orElseThrow();
                assertEquals(client.publicKey().toZ85(), who);
                rep.send(who + ":" + m.text());
                ForkedJvm.Result r = py.await(30);
                assertEquals(0, r.exitCode(), r.evidence());
                assertEquals(who + ":ping", r.stdout().strip());
            }
        }
        assertEquals(200, audit.get(0).status());
    }

    @Test
    void pyzmqCurveClientWithAnUnlistedKeyIsDenied() throws Exception {
        python(CREATE, dir.toString());
        Files.setPosixFilePermissions(dir.resolve("server.key_secret"), PosixFilePermissions.fromString("rw-------"));
        Path allowed = Files.createDirectory(dir.resolve("allowed"));

        List<AuditRecord> audit = new CopyOnWriteArrayList<>();
        try (Authenticator auth = Authenticator.builder(ctx).audit(audit::add)
                .policy("py", DomainPolicy.builder().curveCertificates(allowed).build()).start();
             Socket rep = ctx.socket(SocketType.REP)) {
            SocketSecurity.curveServer(auth, "py", Certificate.load(dir.resolve("server.key_secret"))).applyTo(rep);
            String ep = rep.bind("tcp://127.0.0.1:*");
            try (Peer py = Peer.python(CURVE_CLIENT, ep, dir.resolve("client.key_secret").toString(),
                    dir.resolve("server.key").toString(), "2000")) {
                assertEquals(Optional.empty(), rep.receiveString(Duration.ofMillis(2500)));
                ForkedJvm.Result r = py.await(30);
                assertEquals("no reply", r.stdout().strip(), r.evidence());
            }
        }
        assertTrue(audit.stream().allMatch(a -> a.status() == 400), audit.toString());
        assertTrue(!audit.isEmpty());
    }

    @Test
    void pyzmqPlainClientAgainstOurAuthenticator() throws Exception {
        String program = """
                import sys, zmq
                ctx = zmq.Context()
                for password in (sys.argv[2], "b4dguess"):
                    s = ctx.socket(zmq.REQ)
                    s.plain_username = b"alice"
                    s.plain_password = password.encode()
                    s.setsockopt(zmq.RCVTIMEO, 3000)
                    s.setsockopt(zmq.LINGER, 0)
                    s.connect(sys.argv[1])
                    s.send(b"hi")
                    try:
                        print(s.recv().decode())
                    except zmq.Again:
                        print("no reply")
                    s.close()
                ctx.term()
                """;
        Path pw = Files.writeString(dir.resolve("users.pw"), PasswordStore.hashEntry("alice", "tr0ub4dor".toCharArray()) + "\n");
        List<AuditRecord> audit = new CopyOnWriteArrayList<>();
        try (Authenticator auth = Authenticator.builder(ctx).audit(audit::add)
                .policy("users", DomainPolicy.builder().plain(PasswordStore.file(pw)).build()).start();
             Socket rep = ctx.socket(SocketType.REP)) {
            SocketSecurity.plainServer(auth, "users").applyTo(rep);
            String ep = rep.bind("tcp://127.0.0.1:*");
            try (Peer py = Peer.python(program, ep, "tr0ub4dor"); Message m = new Message()) {
                assertTrue(rep.receive(m, WAIT), py.stderr());
                rep.send(auth.verifiedUserId(m).orElseThrow() + ":" + m.text());
                assertEquals(Optional.empty(), rep.receiveString(Duration.ofMillis(3500)), "the wrong password never gets in");
                ForkedJvm.Result r = py.await(30);
                assertEquals(List.of("alice:hi", "no reply"), r.stdout().strip().lines().toList(), r.evidence());
            }
        }
        assertTrue(audit.stream().noneMatch(a -> a.toString().contains("tr0ub4dor") || a.toString().contains("b4dguess")),
                audit.toString());
    }

    private static final String PYZMQ_SERVER = """
            import sys, os, zmq, zmq.auth
            from zmq.auth.thread import ThreadAuthenticator
            ctx = zmq.Context()
            auth = ThreadAuthenticator(ctx)
            auth.start()
            s = ctx.socket(zmq.REP)
            if sys.argv[1] == "curve":
                auth.configure_curve(domain="*", location=sys.argv[2])
                pub, sec = zmq.auth.load_certificate(sys.argv[3])
                s.curve_secretkey, s.curve_publickey, s.curve_server = sec, pub, True
            else:
                auth.configure_plain(domain="*", passwords={"alice": "tr0ub4dor"})
                s.plain_server = True
            s.setsockopt(zmq.RCVTIMEO, 20000)
            port = s.bind_to_random_port("tcp://127.0.0.1")
            print(port, flush=True)
            msg = s.recv(copy=False)
            s.send(msg.get("User-Id").encode() + b":" + msg.bytes)
            s.close(); auth.stop(); ctx.term()
            """;

    @Test
    void ourCurveClientAgainstPyzmqThreadAuthenticatorReadingOurCertificates() throws Exception {
        Path allowed = Files.createDirectory(dir.resolve("allowed"));
        Certificate client = Certificate.generate(Map.of("name", "java-client"));
        client.save(dir.resolve("client.key"));
        client.savePublic(allowed.resolve("client.key"));
        Certificate server = Certificate.generate();
        server.save(dir.resolve("server.key"));
        try (Peer py = Peer.python(PYZMQ_SERVER, "curve", allowed.toString(), dir.resolve("server.key_secret").toString());
             Socket req = ctx.socket(SocketType.REQ)) {
            String port = awaitLine(py);
            SocketSecurity.curveClient(Certificate.load(dir.resolve("server.key")),
                    Certificate.load(dir.resolve("client.key_secret"))).applyTo(req);
            req.connect("tcp://127.0.0.1:" + port);
            req.send("hello");
            assertEquals(Optional.of(client.publicKey().toZ85() + ":hello"), req.receiveString(WAIT), py.stderr());
            assertEquals(0, py.await(30).exitCode());
        }
    }

    @Test
    void ourPlainClientAgainstPyzmqThreadAuthenticator() throws Exception {
        try (Peer py = Peer.python(PYZMQ_SERVER, "plain"); Socket req = ctx.socket(SocketType.REQ)) {
            String port = awaitLine(py);
            SocketSecurity.plainClient("alice", "tr0ub4dor".toCharArray()).applyTo(req);
            req.connect("tcp://127.0.0.1:" + port);
            req.send("hello");
            assertEquals(Optional.of("alice:hello"), req.receiveString(WAIT), py.stderr());
            assertEquals(0, py.await(30).exitCode());
        }
    }
}
