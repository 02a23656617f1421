package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.testing.Handshake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who gets in, over real tcp handshakes: NULL, PLAIN and CURVE clients against an
 * {@link Authenticator} with each kind of policy. An admission asserts the message arrived with the
 * User-Id the policy chose, as libzmq reports it and as the authenticator vouches for it; a denial
 * asserts nothing reached the application, the ZAP status the server side saw (HANDSHAKE_FAILED_AUTH),
 * what the client saw (the same status for 400/500; nothing for 300, which disconnects silently), and
 * the audit record. GSSAPI rows (synthetic ZAP requests: no Kerberos here) are in {@link AuthenticatorTest}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class TruthTableTest {
    private static final String HELLO = "hello";
    private static final String LOOPBACK = "tcp://127.0.0.1:*";
    private static final CurveKey.KeyPair SERVER = CurveKey.generateKeyPair();
    private static final CurveKey.KeyPair ALICE = CurveKey.generateKeyPair();
    private static final CurveKey.KeyPair BOB = CurveKey.generateKeyPair();
    private static final CurveKey.KeyPair MALLORY = CurveKey.generateKeyPair();

    @TempDir
    static Path dir;

    /** A context and its authenticator for one row, with the audit records it produced. */
    private static final class Env implements AutoCloseable {
        final Context ctx = Context.create();
        final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
        final Authenticator auth;

        Env(Map<String, DomainPolicy> policies, int failureLimit) {
            Authenticator.Builder b = Authenticator.builder(ctx).audit(audit::add)
                    .failureLimit(failureLimit, Duration.ofSeconds(10)).replyDeadline(Duration.ofMillis(500));
            policies.forEach(b::policy);
            auth = b.start();
        }

        Handshake.Result curve(String domain, CurveKey.KeyPair client) {
            return Handshake.attempt(ctx, auth, s -> SocketSecurity.curveServer(auth, domain, SERVER).applyTo(s),
                    c -> SocketSecurity.curveClient(SERVER.publicKey(), client).applyTo(c), LOOPBACK, HELLO);
        }

        Handshake.Result plain(String domain, String user, String password) {
            return Handshake.attempt(ctx, auth, s -> SocketSecurity.plainServer(auth, domain).applyTo(s),
                    c -> SocketSecurity.plainClient(user, password.toCharArray()).applyTo(c), LOOPBACK, HELLO);
        }

        Handshake.Result nul(String domain, Consumer<Socket> more, String bind, UnaryOperator<String> connectTo) {
            return Handshake.attempt(ctx, auth, s -> {
                more.accept(s);
                SocketSecurity.nullServer(auth, domain).applyTo(s);
            }, more, bind, connectTo, HELLO);
        }

        Handshake.Result nul(String domain) {
            return nul(domain, s -> { }, LOOPBACK, UnaryOperator.identity());
        }

        AuditRecord last() {
            assertFalse(audit.isEmpty(), "no audit record");
            return audit.get(audit.size() - 1);
        }

        @Override
        public void close() {
            // Closing the context first ends the handler at once (no grace period to wait out).
            ctx.close();
            auth.close();
            assertTrue(auth.awaitTermination(Duration.ofSeconds(5)), "handler thread ended");
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private final List<DynamicTest> rows = new ArrayList<>();

    private void row(String name, Body body) {
        rows.add(DynamicTest.dynamicTest(name, () -> body.run()));
    }

    private static void allowed(Env env, Handshake.Result r, String userId) {
        assertTrue(r.succeeded(), r.toString());
        assertEquals(Optional.of(HELLO), r.received(), r.toString());
        assertEquals(Optional.of(userId), r.userId(), "User-Id as libzmq reports it");
        assertEquals(Optional.of(userId), r.verifiedUserId(), "User-Id vouched for by this authenticator");
        assertEquals(200, env.last().status(), env.last().toString());
    }

    private static void denied(Env env, Handshake.Result r, int status) {
        assertEquals(Optional.empty(), r.received(), "nothing reaches the application: " + r);
        assertTrue(r.serverSawAuthFailure(status), "server side: " + r);
        if (status == 300) {
            assertFalse(r.client().isPresent() && r.client().get().type() == MonitorEvent.Type.HANDSHAKE_SUCCEEDED,
                    "client side: " + r);
        } else {
            assertTrue(r.clientSawAuthFailure(status), "client side: " + r);
        }
        assertEquals(status, env.last().status(), env.last().toString());
    }

    private static Env env(String domain, DomainPolicy policy) {
        return new Env(Map.of(domain, policy), 0);
    }

    private static DomainPolicy.Builder policy() {
        return DomainPolicy.builder();
    }

    private static Path write(String name, String text) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, text);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ipv6(Socket s) {
        s.set(SocketOptions.IPV6, true);
    }

    @TestFactory
    Stream<DynamicTest> truthTable() {
        nullRows();
        plainRows();
        curveRows();
        assertTrue(rows.size() >= 50, "rows: " + rows.size());
        return rows.stream();
    }

    private void nullRows() {
        row("NULL, address in allow list -> allowed, empty User-Id", () -> {
            try (Env e = env("n", policy().allowNull().allowAddresses("127.0.0.1").build())) {
                allowed(e, e.nul("n"), "");
            }
        });
        row("NULL, address in allowed CIDR range -> allowed", () -> {
            try (Env e = env("n", policy().allowNull().allowAddresses("127.0.0.0/8").build())) {
                allowed(e, e.nul("n"), "");
            }
        });
        row("NULL, address outside the allow list -> 400", () -> {
            try (Env e = env("n", policy().allowNull().allowAddresses("10.0.0.0/8").build())) {
                denied(e, e.nul("n"), 400);
            }
        });
        row("NULL, allowed and denied -> deny wins, 400", () -> {
            try (Env e = env("n", policy().allowNull().allowAddresses("127.0.0.0/8").denyAddresses("127.0.0.1").build())) {
                denied(e, e.nul("n"), 400);
                assertTrue(e.last().reason().contains("deny list"), e.last().reason());
            }
        });
        row("NULL, IPv4-mapped allow rule matches an IPv4 peer", () -> {
            try (Env e = env("n", policy().allowNull().allowAddresses("::ffff:127.0.0.0/104").build())) {
                allowed(e, e.nul("n"), "");
            }
        });
        row("NULL, IPv4-mapped deny rule cannot be bypassed by the IPv4 form", () -> {
            try (Env e = env("n", policy().allowNull().allowAddresses("127.0.0.0/8").denyAddresses("::ffff:127.0.0.1").build())) {
                denied(e, e.nul("n"), 400);
            }
        });
        row("NULL, dual-stack listener reports ::ffff:127.0.0.1, IPv4 allow rule matches", () -> {
            try (Env e = env("n", policy().allowNull().allowAddresses("127.0.0.0/8").build())) {
                Handshake.Result r = e.nul("n", TruthTableTest::ipv6, "tcp://*:*",
                        ep -> "tcp://127.0.0.1:" + ep.substring(ep.lastIndexOf(':') + 1));
                allowed(e, r, "");
                assertTrue(IpRange.parse("127.0.0.1").contains(IpRange.address(e.last().address())), e.last().address());
            }
        });
        row("NULL, dual-stack listener, IPv4 deny rule matches the mapped address -> 400", () -> {
            try (Env e = env("n", policy().allowNull().allowAddresses("0.0.0.0/0", "::/0").denyAddresses("127.0.0.1").build())) {
                Handshake.Result r = e.nul("n", TruthTableTest::ipv6, "tcp://*:*",
                        ep -> "tcp://127.0.0.1:" + ep.substring(ep.lastIndexOf(':') + 1));
                denied(e, r, 400);
            }
        });
        row("NULL over IPv6 loopback, ::1 allowed", () -> {
            try (Env e = env("n", policy().allowNull().allowAddresses("::1").build())) {
                allowed(e, e.nul("n", TruthTableTest::ipv6, "tcp://[::1]:*", UnaryOperator.identity()), "");
            }
        });
        row("NULL over IPv6 loopback, only IPv4 allowed -> 400", () -> {
            try (Env e = env("n", policy().allowNull().allowAddresses("127.0.0.0/8").build())) {
                denied(e, e.nul("n", TruthTableTest::ipv6, "tcp://[::1]:*", UnaryOperator.identity()), 400);
            }
        });
        row("NULL, domain without a policy -> 400", () -> {
            try (Env e = new Env(Map.of("n", policy().allowNull().allowAddresses("127.0.0.1").build()), 0)) {
                Handshake.Result r = Handshake.attempt(e.ctx, e.auth, s -> {
                    s.set(SocketOptions.ZAP_DOMAIN, "other");
                    s.set(SocketSecurity.ZAP_ENFORCE_DOMAIN, true);
                }, c -> { }, LOOPBACK, HELLO);
                denied(e, r, 400);
            }
        });
        row("NULL, domain policy without NULL -> 400", () -> {
            try (Env e = env("n", policy().allowAddresses("127.0.0.1").curveAnyClientKey().build())) {
                Handshake.Result r = Handshake.attempt(e.ctx, e.auth, s -> {
                    s.set(SocketOptions.ZAP_DOMAIN, "n");
                    s.set(SocketSecurity.ZAP_ENFORCE_DOMAIN, true);
                }, c -> { }, LOOPBACK, HELLO);
                denied(e, r, 400);
            }
        });
        row("NULL, policy removed at run time -> 400", () -> {
            try (Env e = env("n", policy().allowNull().allowAddresses("127.0.0.1").build())) {
                allowed(e, e.nul("n"), "");
                e.auth.removePolicy("n");
                Handshake.Result r = Handshake.attempt(e.ctx, e.auth, s -> {
                    s.set(SocketOptions.ZAP_DOMAIN, "n");
                    s.set(SocketSecurity.ZAP_ENFORCE_DOMAIN, true);
                }, c -> { }, LOOPBACK, HELLO);
                denied(e, r, 400);
            }
        });
    }

    private void plainRows() {
        DomainPolicy users = policy().plain(PasswordStore.of(Map.of("alice", "correct horse", "bob", "s3cret:with:colons",
                "zoë", "pässwörd"))).build();
        row("PLAIN, right password -> allowed, User-Id is the user name", () -> {
            try (Env e = env("p", users)) {
                allowed(e, e.plain("p", "alice", "correct horse"), "alice");
            }
        });
        row("PLAIN, password with colons -> allowed", () -> {
            try (Env e = env("p", users)) {
                allowed(e, e.plain("p", "bob", "s3cret:with:colons"), "bob");
            }
        });
        row("PLAIN, non-ASCII user and password -> allowed", () -> {
            try (Env e = env("p", users)) {
                allowed(e, e.plain("p", "zoë", "pässwörd"), "zoë");
            }
        });
        row("PLAIN, wrong password -> 400, audit has no password", () -> {
            try (Env e = env("p", users)) {
                denied(e, e.plain("p", "alice", "Tr0ub4dor"), 400);
                assertFalse(e.audit.toString().contains("Tr0ub4dor"), e.audit.toString());
                assertEquals("alice", e.last().principal());
            }
        });
        row("PLAIN, another user's password -> 400", () -> {
            try (Env e = env("p", users)) {
                denied(e, e.plain("p", "bob", "correct horse"), 400);
            }
        });
        row("PLAIN, unknown user -> 400", () -> {
            try (Env e = env("p", users)) {
                denied(e, e.plain("p", "carol", "correct horse"), 400);
            }
        });
        row("PLAIN, user names are case-sensitive -> 400", () -> {
            try (Env e = env("p", users)) {
                denied(e, e.plain("p", "Alice", "correct horse"), 400);
            }
        });
        row("PLAIN, password prefix -> 400", () -> {
            try (Env e = env("p", users)) {
                denied(e, e.plain("p", "alice", "correct"), 400);
            }
        });
        row("PLAIN, domain has CURVE only -> 400", () -> {
            try (Env e = new Env(Map.of("p", users, "c", policy().curveAnyClientKey().build()), 0)) {
                Handshake.Result r = Handshake.attempt(e.ctx, e.auth, s -> {
                    s.set(SocketOptions.PLAIN_SERVER, true);
                    s.set(SocketOptions.ZAP_DOMAIN, "c");
                    s.set(SocketSecurity.ZAP_ENFORCE_DOMAIN, true);
                }, c -> SocketSecurity.plainClient("alice", "correct horse".toCharArray()).applyTo(c), LOOPBACK, HELLO);
                denied(e, r, 400);
            }
        });
        row("PLAIN, address outside the allow list, right password -> 400", () -> {
            try (Env e = env("p", policy().allowAddresses("10.0.0.0/8").plain(PasswordStore.of(Map.of("a", "b"))).build())) {
                denied(e, e.plain("p", "a", "b"), 400);
            }
        });
        row("PLAIN, repeated failures rate-limit the address, even the right password -> 400", () -> {
            try (Env e = new Env(Map.of("p", users), 2)) {
                denied(e, e.plain("p", "alice", "x"), 400);
                denied(e, e.plain("p", "alice", "y"), 400);
                denied(e, e.plain("p", "alice", "correct horse"), 400);
                assertTrue(e.last().reason().contains("too many failures"), e.last().reason());
            }
        });
        row("PLAIN file, plain entry -> allowed", () -> {
            Path f = write("plain.pw", "# users\ncarol:plain:open sesame\n");
            try (Env e = env("p", policy().plain(PasswordStore.file(f)).build())) {
                allowed(e, e.plain("p", "carol", "open sesame"), "carol");
            }
        });
        row("PLAIN file, PBKDF2 entry -> allowed", () -> {
            Path f = write("hashed.pw", PasswordStore.hashEntry("dave", "hunter2".toCharArray(), 1000) + "\n");
            try (Env e = env("p", policy().plain(PasswordStore.file(f)).build())) {
                allowed(e, e.plain("p", "dave", "hunter2"), "dave");
            }
        });
        row("PLAIN file, PBKDF2 entry, wrong password -> 400", () -> {
            Path f = write("hashed2.pw", PasswordStore.hashEntry("dave", "hunter2".toCharArray(), 1000) + "\n");
            try (Env e = env("p", policy().plain(PasswordStore.file(f)).build())) {
                denied(e, e.plain("p", "dave", "hunter3"), 400);
            }
        });
        row("PLAIN file reloaded: user added -> allowed", () -> {
            Path f = write("reload-add.pw", "carol:plain:one\n");
            try (Env e = env("p", policy().plain(PasswordStore.file(f)).build())) {
                denied(e, e.plain("p", "erin", "two"), 400);
                write("reload-add.pw", "carol:plain:one\nerin:plain:two\n");
                allowed(e, e.plain("p", "erin", "two"), "erin");
            }
        });
        row("PLAIN file reloaded: user removed -> 400", () -> {
            Path f = write("reload-remove.pw", "carol:plain:one\nerin:plain:two\n");
            try (Env e = env("p", policy().plain(PasswordStore.file(f)).build())) {
                allowed(e, e.plain("p", "erin", "two"), "erin");
                write("reload-remove.pw", "carol:plain:one\n");
                denied(e, e.plain("p", "erin", "two"), 400);
            }
        });
        row("PLAIN file half-written -> 300 (temporary), then complete -> allowed", () -> {
            Path f = write("half.pw", "carol:plain:one\n");
            try (Env e = env("p", policy().plain(PasswordStore.file(f)).build())) {
                write("half.pw", "carol:plain:one\nerin:pbkdf2-sha256:1000:AAAA");
                denied(e, e.plain("p", "carol", "one"), 300);
                assertTrue(e.last().reason().contains("line 2"), e.last().reason());
                write("half.pw", "carol:plain:one\n" + PasswordStore.hashEntry("erin", "two".toCharArray(), 1000) + "\n");
                allowed(e, e.plain("p", "carol", "one"), "carol");
            }
        });
        row("PLAIN file missing -> 300", () -> {
            try (Env e = env("p", policy().plain(PasswordStore.file(dir.resolve("nowhere.pw"))).build())) {
                denied(e, e.plain("p", "carol", "one"), 300);
            }
        });
        row("PLAIN file with a repeated user -> 300", () -> {
            Path f = write("dup.pw", "carol:plain:one\ncarol:plain:two\n");
            try (Env e = env("p", policy().plain(PasswordStore.file(f)).build())) {
                denied(e, e.plain("p", "carol", "two"), 300);
            }
        });
    }

    private void curveRows() {
        row("CURVE, key in allow set -> allowed, User-Id is the key", () -> {
            try (Env e = env("c", policy().curveKeys(List.of(ALICE.publicKey())).build())) {
                allowed(e, e.curve("c", ALICE), ALICE.publicKey().toZ85());
            }
        });
        row("CURVE, valid handshake but key not listed -> 400", () -> {
            try (Env e = env("c", policy().curveKeys(List.of(ALICE.publicKey())).build())) {
                denied(e, e.curve("c", MALLORY), 400);
                assertEquals(MALLORY.publicKey().toZ85(), e.last().principal());
                assertEquals("key not in allow list", e.last().reason());
            }
        });
        row("CURVE, key mapped to a chosen User-Id", () -> {
            try (Env e = env("c", policy().curveKeys(Map.of(BOB.publicKey(), "bob@example")).build())) {
                allowed(e, e.curve("c", BOB), "bob@example");
            }
        });
        row("CURVE, key both allowed and denied -> 400", () -> {
            try (Env e = env("c", policy().curveKeys(List.of(ALICE.publicKey())).denyKeys(List.of(ALICE.publicKey())).build())) {
                denied(e, e.curve("c", ALICE), 400);
            }
        });
        row("CURVE, any client key (asked by name) -> allowed", () -> {
            try (Env e = env("c", policy().curveAnyClientKey().build())) {
                allowed(e, e.curve("c", MALLORY), MALLORY.publicKey().toZ85());
            }
        });
        row("CURVE, any client key but denied key -> 400", () -> {
            try (Env e = env("c", policy().curveAnyClientKey().denyKeys(List.of(MALLORY.publicKey())).build())) {
                denied(e, e.curve("c", MALLORY), 400);
            }
        });
        row("CURVE, address outside the allow list, listed key -> 400", () -> {
            try (Env e = env("c", policy().allowAddresses("192.0.2.0/24").curveKeys(List.of(ALICE.publicKey())).build())) {
                denied(e, e.curve("c", ALICE), 400);
            }
        });
        row("CURVE, wrong domain -> 400", () -> {
            try (Env e = new Env(Map.of("c", policy().curveKeys(List.of(ALICE.publicKey())).build(),
                    "other", policy().curveKeys(List.of(BOB.publicKey())).build()), 0)) {
                denied(e, e.curve("other", ALICE), 400);
            }
        });
        row("CURVE, domain has PLAIN only -> 400", () -> {
            try (Env e = new Env(Map.of("c", policy().curveAnyClientKey().build(),
                    "p", policy().plain(PasswordStore.of(Map.of("a", "b"))).build()), 0)) {
                Handshake.Result r = Handshake.attempt(e.ctx, e.auth, s -> {
                    s.set(SocketOptions.CURVE_SERVER, true);
                    s.set(SocketOptions.CURVE_SECRETKEY, SERVER.secretKey());
                    s.set(SocketOptions.ZAP_DOMAIN, "p");
                    s.set(SocketSecurity.ZAP_ENFORCE_DOMAIN, true);
                }, c -> SocketSecurity.curveClient(SERVER.publicKey(), ALICE).applyTo(c), LOOPBACK, HELLO);
                denied(e, r, 400);
            }
        });
        row("CURVE, client expects another server key -> no handshake, nothing delivered", () -> {
            try (Env e = env("c", policy().curveAnyClientKey().build())) {
                Handshake.Result r = Handshake.attempt(e.ctx, e.auth, s -> SocketSecurity.curveServer(e.auth, "c", SERVER).applyTo(s),
                        c -> SocketSecurity.curveClient(BOB.publicKey(), ALICE).applyTo(c), LOOPBACK, HELLO);
                assertFalse(r.succeeded(), r.toString());
                assertEquals(Optional.empty(), r.received());
                assertTrue(e.audit.isEmpty(), "the handler is never asked: " + e.audit);
            }
        });
        row("CURVE, certificate directory, key present -> allowed with the certificate's metadata", () -> {
            Path certs = Files.createDirectory(dir.resolve("certs-present"));
            Certificate.ofPublicKey(ALICE.publicKey(), Map.of("Role", "admin")).savePublic(certs.resolve("alice.key"));
            try (Env e = env("c", policy().curveCertificates(certs).build())) {
                Handshake.Result r = e.curve("c", ALICE);
                allowed(e, r, ALICE.publicKey().toZ85());
                assertEquals(Optional.of("admin"), r.role(), "certificate metadata on the message");
            }
        });
        row("CURVE, certificate directory, key absent -> 400", () -> {
            Path certs = Files.createDirectory(dir.resolve("certs-absent"));
            Certificate.ofPublicKey(ALICE.publicKey(), Map.of()).savePublic(certs.resolve("alice.key"));
            try (Env e = env("c", policy().curveCertificates(certs).build())) {
                denied(e, e.curve("c", BOB), 400);
            }
        });
        row("CURVE, certificate directory reloaded: certificate added -> allowed", () -> {
            Path certs = Files.createDirectory(dir.resolve("certs-add"));
            try (Env e = env("c", policy().curveCertificates(certs).build())) {
                denied(e, e.curve("c", BOB), 400);
                Certificate.ofPublicKey(BOB.publicKey(), Map.of()).savePublic(certs.resolve("bob.key"));
                Thread.sleep(150);
                allowed(e, e.curve("c", BOB), BOB.publicKey().toZ85());
            }
        });
        row("CURVE, certificate directory reloaded: certificate removed -> 400", () -> {
            Path certs = Files.createDirectory(dir.resolve("certs-remove"));
            Certificate.ofPublicKey(BOB.publicKey(), Map.of()).savePublic(certs.resolve("bob.key"));
            try (Env e = env("c", policy().curveCertificates(certs).build())) {
                allowed(e, e.curve("c", BOB), BOB.publicKey().toZ85());
                Files.delete(certs.resolve("bob.key"));
                Thread.sleep(150);
                denied(e, e.curve("c", BOB), 400);
            }
        });
        row("CURVE, certificate directory, half-written certificate grants nothing, then complete -> allowed", () -> {
            Path certs = Files.createDirectory(dir.resolve("certs-half"));
            Files.writeString(certs.resolve("bob.key"), "curve\n    public-key = \"" + BOB.publicKey().toZ85().substring(0, 20));
            try (Env e = env("c", policy().curveCertificates(certs).build())) {
                denied(e, e.curve("c", BOB), 400);
                Files.writeString(certs.resolve("bob.key"), "curve\n    public-key = \"" + BOB.publicKey().toZ85() + "\"\n");
                Thread.sleep(150);
                allowed(e, e.curve("c", BOB), BOB.publicKey().toZ85());
            }
        });
        row("CURVE, certificate directory ignores secret files -> 400", () -> {
            Path certs = Files.createDirectory(dir.resolve("certs-secret"));
            Certificate.of(ALICE, Map.of()).saveSecret(certs.resolve("alice.key_secret"));
            try (Env e = env("c", policy().curveCertificates(certs).build())) {
                denied(e, e.curve("c", ALICE), 400);
            }
        });
        row("CURVE, certificate directory missing -> 400", () -> {
            try (Env e = env("c", policy().curveCertificates(dir.resolve("no-such-dir")).build())) {
                denied(e, e.curve("c", ALICE), 400);
            }
        });
        row("CURVE, verifier allows with User-Id and metadata", () -> {
            CurveVerifier v = (d, a, k) -> CompletableFuture.completedFuture(
                    k.equals(ALICE.publicKey()) ? Verdict.allow("alice", Map.of("Role", "ops")) : Verdict.deny("unknown"));
            try (Env e = env("c", policy().curveVerifier(v, Duration.ofMillis(300)).build())) {
                Handshake.Result r = e.curve("c", ALICE);
                allowed(e, r, "alice");
                assertEquals(Optional.of("ops"), r.role(), "verdict metadata on the message");
            }
        });
        row("CURVE, verifier denies -> 400 with its reason", () -> {
            CurveVerifier v = (d, a, k) -> CompletableFuture.completedFuture(Verdict.deny("revoked device"));
            try (Env e = env("c", policy().curveVerifier(v, Duration.ofMillis(300)).build())) {
                denied(e, e.curve("c", ALICE), 400);
                assertEquals("revoked device", e.last().reason());
            }
        });
        row("CURVE, asynchronous verifier on another thread -> allowed", () -> {
            CurveVerifier v = (d, a, k) -> CompletableFuture.supplyAsync(() -> Verdict.allow("async"),
                    CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
            try (Env e = env("c", policy().curveVerifier(v, Duration.ofMillis(400)).build())) {
                allowed(e, e.curve("c", ALICE), "async");
            }
        });
        row("CURVE, verifier throws -> 500", () -> {
            CurveVerifier v = (d, a, k) -> {
                throw new IllegalStateException("database down");
            };
            try (Env e = env("c", policy().curveVerifier(v, Duration.ofMillis(300)).build())) {
                denied(e, e.curve("c", ALICE), 500);
            }
        });
        row("CURVE, verifier fails its stage -> 500", () -> {
            CurveVerifier v = (d, a, k) -> CompletableFuture.failedFuture(new IOException("timeout talking to LDAP"));
            try (Env e = env("c", policy().curveVerifier(v, Duration.ofMillis(300)).build())) {
                denied(e, e.curve("c", ALICE), 500);
                assertTrue(e.last().reason().contains("IOException"), e.last().reason());
            }
        });
        row("CURVE, verifier returns null -> 500", () -> {
            CurveVerifier v = (d, a, k) -> null;
            try (Env e = env("c", policy().curveVerifier(v, Duration.ofMillis(300)).build())) {
                denied(e, e.curve("c", ALICE), 500);
            }
        });
        row("CURVE, verifier never answers -> 300 in time, handler still serves", () -> {
            CurveVerifier v = (d, a, k) -> k.equals(ALICE.publicKey()) ? new CompletableFuture<>()
                    : CompletableFuture.completedFuture(Verdict.allow("bob"));
            try (Env e = env("c", policy().curveVerifier(v, Duration.ofMillis(200)).build())) {
                denied(e, e.curve("c", ALICE), 300);
                assertTrue(e.last().latency().compareTo(Duration.ofMillis(200)) >= 0, e.last().toString());
                assertTrue(e.last().latency().compareTo(Duration.ofSeconds(2)) < 0, e.last().toString());
                allowed(e, e.curve("c", BOB), "bob");
            }
        });
        row("CURVE, verifier answers after its deadline -> one 300 reply, the late verdict is dropped", () -> {
            CompletableFuture<Verdict> late = new CompletableFuture<>();
            CurveVerifier v = (d, a, k) -> k.equals(ALICE.publicKey()) ? late : CompletableFuture.completedFuture(Verdict.allow("bob"));
            try (Env e = env("c", policy().curveVerifier(v, Duration.ofMillis(100)).build())) {
                denied(e, e.curve("c", ALICE), 300);
                late.complete(Verdict.allow("too late"));
                allowed(e, e.curve("c", BOB), "bob");
                assertEquals(2, e.audit.size(), "exactly one reply per request: " + e.audit);
            }
        });
        row("CURVE, verifier slower than the reply deadline -> 300 at the reply deadline", () -> {
            CurveVerifier v = (d, a, k) -> new CompletableFuture<>();
            try (Env e = env("c", policy().curveVerifier(v, Duration.ofSeconds(30)).build())) {
                denied(e, e.curve("c", ALICE), 300);
                assertTrue(e.last().latency().compareTo(Duration.ofSeconds(2)) < 0, "reply deadline 500 ms: " + e.last());
            }
        });
        row("CURVE, encryption-only server, no authenticator in the context -> any key, no verified User-Id", () -> {
            try (Context ctx = Context.create()) {
                Handshake.Result r = Handshake.attempt(ctx, null, s -> SocketSecurity.curveEncryptionOnlyServer(SERVER).applyTo(s),
                        c -> SocketSecurity.curveClient(SERVER.publicKey(), MALLORY).applyTo(c), LOOPBACK, HELLO);
                assertTrue(r.succeeded(), r.toString());
                assertEquals(Optional.of(HELLO), r.received());
            }
        });
        row("CURVE, encryption-only server in a context with an authenticator -> any key, vouched User-Id", () -> {
            try (Env e = env("c", policy().curveKeys(List.of(ALICE.publicKey())).build())) {
                Handshake.Result r = Handshake.attempt(e.ctx, e.auth, s -> SocketSecurity.curveEncryptionOnlyServer(SERVER).applyTo(s),
                        c -> SocketSecurity.curveClient(SERVER.publicKey(), MALLORY).applyTo(c), LOOPBACK, HELLO);
                allowed(e, r, MALLORY.publicKey().toZ85());
            }
        });
        row("CURVE, authenticator closed while the server is open -> deny-all 400", () -> {
            try (Env e = env("c", policy().curveKeys(List.of(ALICE.publicKey())).build());
                 Socket server = e.ctx.socket(SocketType.PULL)) {
                SocketSecurity.curveServer(e.auth, "c", SERVER).applyTo(server);
                e.auth.close();
                assertTrue(e.auth.isRunning(), "the handler stays while a secured socket is open");
                Handshake.Result r = Handshake.attempt(e.ctx, e.auth, s -> {
                    s.set(SocketOptions.CURVE_SERVER, true);
                    s.set(SocketOptions.CURVE_SECRETKEY, SERVER.secretKey());
                    s.set(SocketOptions.ZAP_DOMAIN, "c");
                    s.set(SocketSecurity.ZAP_ENFORCE_DOMAIN, true);
                }, c -> SocketSecurity.curveClient(SERVER.publicKey(), ALICE).applyTo(c), LOOPBACK, HELLO);
                denied(e, r, 400);
                assertEquals("authenticator closed", e.last().reason());
                server.close();
                assertTrue(e.auth.awaitTermination(Duration.ofSeconds(5)), "the handler ends once they are closed");
            }
        });
    }

}
