package dev.zmqffm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.testing.RawZmtpPeer;
import dev.zmqffm.testing.WithContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The handler itself, driven with hand-made ZAP requests on {@code inproc://zeromq.zap.01} (as any
 * code in the process could send): malformed requests, exactly one reply each, the in-flight bound,
 * GSSAPI principals, and the User-Id a peer cannot forge.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthenticatorTest extends WithContext {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static List<byte[]> frames(String... parts) {
        List<byte[]> f = new ArrayList<>();
        for (String p : parts) {
            f.add(p.getBytes(UTF_8));
        }
        return f;
    }

    private Socket zapClient() {
        Socket s = ctx.socket(SocketType.DEALER);
        s.connect(Socket.ZAP_ENDPOINT);
        return s;
    }

    /** Sends one request and returns the reply frames after the delimiter. */
    private static List<String> ask(Socket zap, List<byte[]> request) {
        zap.sendMultipart(request);
        List<byte[]> reply = zap.receiveMultipart(WAIT).orElseThrow(() -> new AssertionError("no reply"));
        List<String> text = new ArrayList<>();
        for (byte[] f : reply) {
            text.add(new String(f, UTF_8));
        }
        return text;
    }

    private static List<byte[]> request(String domain, String mechanism, byte[]... credentials) {
        List<byte[]> f = frames("", "1.0", "1", domain, "192.0.2.7", "", mechanism);
        f.addAll(Arrays.asList(credentials));
        return f;
    }

    @Test
    void malformedRequestsGetAnErrorReplyAndTheHandlerKeepsRunning() {
        List<AuditRecord> audit = new CopyOnWriteArrayList<>();
        try (Authenticator auth = Authenticator.builder(ctx).audit(audit::add)
                .policy("d", DomainPolicy.builder().curveAnyClientKey().build()).start();
             Socket zap = zapClient()) {
            List<List<byte[]>> bad = List.of(
                    frames("", "2.0", "1", "d", "192.0.2.7", "", "CURVE", "x".repeat(32)),
                    frames("", "1.0", "1", "d"),
                    frames("", "1.0", "1", "d", "192.0.2.7", "", "KERBEROS5"),
                    request("d", "CURVE", new byte[31]),
                    request("d", "PLAIN", "user".getBytes(UTF_8)),
                    request("d", "NULL", "extra".getBytes(UTF_8)),
                    frames("", "1.0"));
            for (List<byte[]> b : bad) {
                List<String> reply = ask(zap, b);
                assertEquals(7, reply.size(), reply.toString());
                assertEquals(List.of("", "1.0"), reply.subList(0, 2));
                assertEquals("500", reply.get(3), reply.toString());
            }
            List<String> ok = ask(zap, request("d", "CURVE", new byte[32]));
            assertEquals("200", ok.get(3), "the handler still answers");
            assertEquals(bad.size() + 1, audit.size());
            assertTrue(audit.get(0).reason().startsWith("malformed"), audit.get(0).toString());
            assertTrue(auth.isRunning());
        }
    }

    @Test
    void aRequestWithoutDelimiterIsAnsweredToItsRoutingId() {
        try (Authenticator auth = Authenticator.start(ctx); Socket zap = zapClient()) {
            zap.send("garbage");
            List<byte[]> reply = zap.receiveMultipart(WAIT).orElseThrow();
            assertEquals("500", new String(reply.get(3), UTF_8));
            assertTrue(auth.isRunning());
        }
    }

    @Test
    void exactlyOneReplyPerRequest() {
        try (Authenticator auth = Authenticator.builder(ctx)
                .policy("d", DomainPolicy.builder().plain(PasswordStore.of(Map.of("u", "p"))).build()).start();
             Socket zap = zapClient()) {
            for (int i = 0; i < 20; i++) {
                zap.sendMultipart(request("d", "PLAIN", "u".getBytes(UTF_8), (i % 2 == 0 ? "p" : "q").getBytes(UTF_8)));
            }
            int allowed = 0;
            for (int i = 0; i < 20; i++) {
                List<byte[]> reply = zap.receiveMultipart(WAIT).orElseThrow();
                allowed += new String(reply.get(3), UTF_8).equals("200") ? 1 : 0;
            }
            assertEquals(10, allowed);
            assertEquals(Optional.empty(), zap.receiveMultipart(Duration.ofMillis(300)), "no second reply");
        }
    }

    @Test
    void inFlightRequestsAreBounded() {
        CompletableFuture<Verdict> never = new CompletableFuture<>();
        try (Authenticator auth = Authenticator.builder(ctx).maxInFlight(1).replyDeadline(Duration.ofMillis(300))
                .policy("d", DomainPolicy.builder().curveVerifier((d, a, k) -> never, Duration.ofSeconds(1)).build()).start();
             Socket first = zapClient(); Socket second = zapClient()) {
            first.sendMultipart(request("d", "CURVE", new byte[32]));
            Thread.sleep(50);
            long start = System.nanoTime();
            List<String> rejected = ask(second, request("d", "CURVE", new byte[32]));
            assertEquals("300", rejected.get(3), "over the bound: temporary failure at once");
            assertTrue(System.nanoTime() - start < 250_000_000L);
            List<byte[]> late = first.receiveMultipart(WAIT).orElseThrow();
            assertEquals("300", new String(late.get(3), UTF_8), "the waiting one times out at the reply deadline");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void gssapiPrincipals() {
        Assumptions.assumeTrue(Zmq.has("gssapi"), "libzmq without GSSAPI");
        try (Authenticator auth = Authenticator.builder(ctx)
                .policy("k", DomainPolicy.builder().gssapiPrincipals(java.util.Set.of("svc@EXAMPLE.ORG")).build())
                .policy("c", DomainPolicy.builder().curveAnyClientKey().build()).start();
             Socket zap = zapClient()) {
            List<String> ok = ask(zap, request("k", "GSSAPI", "svc@EXAMPLE.ORG".getBytes(UTF_8)));
            assertEquals("200", ok.get(3));
            assertEquals("svc@EXAMPLE.ORG", ok.get(5));
            assertEquals("400", ask(zap, request("k", "GSSAPI", "mallory@EXAMPLE.ORG".getBytes(UTF_8))).get(3));
            assertEquals("400", ask(zap, request("c", "GSSAPI", "svc@EXAMPLE.ORG".getBytes(UTF_8))).get(3),
                    "a domain without GSSAPI policy");
        }
    }

    @Test
    void admissionsCarryUserIdAndMetadataInZmtpEncoding() {
        CurveVerifier v = (d, a, k) -> CompletableFuture.completedFuture(Verdict.allow("dev-7", Map.of("Tenant", "t1")));
        try (Authenticator auth = Authenticator.builder(ctx)
                .policy("d", DomainPolicy.builder().curveVerifier(v, Duration.ofMillis(500)).build()).start();
             Socket zap = zapClient()) {
            zap.sendMultipart(request("d", "CURVE", new byte[32]));
            List<byte[]> reply = zap.receiveMultipart(WAIT).orElseThrow();
            assertEquals("dev-7", new String(reply.get(5), UTF_8));
            byte[] meta = reply.get(6);
            String text = new String(meta, UTF_8);
            assertTrue(text.contains("Tenant") && text.contains("t1") && text.contains(Authenticator.TOKEN_PROPERTY), text);
            assertEquals(6, meta[0], "name length of Tenant, first");
        }
        assertThrows(IllegalArgumentException.class, () -> Verdict.allow("x", Map.of("User-Id", "admin")));
        assertThrows(IllegalArgumentException.class, () -> Verdict.allow("x", Map.of(Authenticator.TOKEN_PROPERTY, "t")));
    }

    @Test
    void oneAuthenticatorPerContextAndANewOneAfterClose() {
        Authenticator first = Authenticator.start(ctx);
        assertThrows(IllegalStateException.class, () -> Authenticator.start(ctx));
        first.close();
        assertFalse(first.isRunning());
        try (Authenticator second = Authenticator.start(ctx)) {
            assertTrue(second.isRunning());
        }
    }

    @Test
    void reservedAndEmptyDomainsAreRefused() {
        try (Authenticator auth = Authenticator.start(ctx)) {
            DomainPolicy p = DomainPolicy.builder().curveAnyClientKey().build();
            assertEquals(SecurityRule.EMPTY_DOMAIN,
                    assertThrows(InsecureConfigurationException.class, () -> auth.setPolicy("", p)).rule());
            assertThrows(IllegalArgumentException.class, () -> auth.setPolicy(SocketSecurity.ENCRYPTION_ONLY_DOMAIN, p));
            assertThrows(IllegalArgumentException.class, () -> auth.setPolicy("a\0b", p));
        }
    }

    /**
     * A hand-written ZMTP 3.0 NULL peer that puts its own User-Id (and our property names) in its
     * READY command: libzmq passes them to the application, the authenticator never vouches for them.
     * Left open until the test has read the frame.
     */
    private static RawZmtpPeer rawNullPeerSends(String endpoint, String text) throws Exception {
        RawZmtpPeer peer = RawZmtpPeer.connect(endpoint, "PUSH", Map.of("User-Id", "admin",
                Authenticator.USER_ID_PROPERTY, "admin", Authenticator.TOKEN_PROPERTY, "guess"));
        peer.sendFrame(text.getBytes(UTF_8), false);
        return peer;
    }

    @Test
    void aPeerSuppliedUserIdIsNotVouchedFor() throws Exception {
        try (Authenticator auth = Authenticator.start(ctx); Socket pull = ctx.socket(SocketType.PULL)) {
            String ep = pull.bind("tcp://127.0.0.1:*");
            try (RawZmtpPeer peer = rawNullPeerSends(ep, "forged"); Message m = new Message()) {
                assertTrue(pull.receive(m, WAIT));
                assertEquals("forged", m.text());
                assertEquals(Optional.of("admin"), m.property("User-Id"), "libzmq passes the peer's own claim on");
                assertEquals(Optional.empty(), auth.verifiedUserId(m), "the authenticator never checked this peer");
            }
        }
    }

    @Test
    void aPeerCannotOverrideTheUserIdTheAuthenticatorSet() throws Exception {
        try (Authenticator auth = Authenticator.builder(ctx)
                .policy("n", DomainPolicy.builder().allowNull().allowAddresses("127.0.0.1").build()).start();
             Socket pull = ctx.socket(SocketType.PULL)) {
            SocketSecurity.nullServer(auth, "n").applyTo(pull);
            String ep = pull.bind("tcp://127.0.0.1:*");
            try (RawZmtpPeer peer = rawNullPeerSends(ep, "checked"); Message m = new Message()) {
                assertTrue(pull.receive(m, WAIT));
                assertEquals(Optional.of(""), auth.verifiedUserId(m), "the User-Id this authenticator chose (empty for NULL)");
            }
        }
    }
}
