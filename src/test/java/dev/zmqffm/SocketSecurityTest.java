package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.testing.WithContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/** Every refusal rule of {@link SecurityRule}, and the options a role sets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketSecurityTest extends WithContext {
    private static final CurveKey.KeyPair SERVER = CurveKey.generateKeyPair();
    private static final CurveKey.KeyPair CLIENT = CurveKey.generateKeyPair();
    private static final CurveKey.KeyPair TEST_SERVER = new CurveKey.KeyPair(
            CurveKey.fromZ85("rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"),
            SecretKey.fromZ85("JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6"));
    private static final CurveKey.KeyPair TEST_CLIENT = new CurveKey.KeyPair(
            CurveKey.fromZ85("Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID"),
            SecretKey.fromZ85("D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs"));

    private Authenticator auth;
    private Socket socket;

    @BeforeEach
    void start() {
        auth = Authenticator.builder(ctx)
                .policy("c", DomainPolicy.builder().curveAnyClientKey().build())
                .policy("p", DomainPolicy.builder().plain(PasswordStore.of(Map.of("u", "p"))).build())
                .policy("n", DomainPolicy.builder().allowNull().allowAddresses("127.0.0.1").build())
                .start();
        socket = ctx.socket(SocketType.REP);
    }

    private static void refused(SecurityRule rule, Executable body) {
        InsecureConfigurationException e = assertThrows(InsecureConfigurationException.class, body);
        assertEquals(rule, e.rule(), e.getMessage());
        assertTrue(e.getMessage().contains(rule.reason()), e.getMessage());
        assertEquals(SecurityRule.Severity.ERROR, rule.severity());
    }

    @Test
    void curveServerSetsEveryOption() {
        assertEquals(List.of(), SocketSecurity.curveServer(auth, "c", SERVER).applyTo(socket));
        assertEquals(Mechanism.CURVE, socket.get(SocketOptions.MECHANISM));
        assertTrue(socket.get(SocketOptions.CURVE_SERVER));
        assertEquals("c", socket.get(SocketOptions.ZAP_DOMAIN));
        assertTrue(socket.get(SocketSecurity.ZAP_ENFORCE_DOMAIN));
    }

    @Test
    void plainAndNullServersAndClientsSetTheirOptions() {
        SocketSecurity.plainServer(auth, "p").applyTo(socket);
        assertEquals(Mechanism.PLAIN, socket.get(SocketOptions.MECHANISM));
        assertTrue(socket.get(SocketOptions.PLAIN_SERVER));
        try (Socket n = ctx.socket(SocketType.PULL); Socket pc = ctx.socket(SocketType.REQ); Socket cc = ctx.socket(SocketType.REQ)) {
            SocketSecurity.nullServer(auth, "n").applyTo(n);
            assertEquals(Mechanism.NULL, n.get(SocketOptions.MECHANISM));
            assertEquals("n", n.get(SocketOptions.ZAP_DOMAIN));
            SocketSecurity.plainClient("u", "p".toCharArray()).applyTo(pc);
            assertEquals("u", pc.get(SocketOptions.PLAIN_USERNAME));
            SocketSecurity.curveClient(SERVER.publicKey(), CLIENT).applyTo(cc);
            assertEquals(SERVER.publicKey(), cc.get(SocketOptions.CURVE_SERVERKEY));
            assertEquals(CLIENT.publicKey(), cc.get(SocketOptions.CURVE_PUBLICKEY));
        }
    }

    @Test
    void noAuthenticatorInTheContext() {
        try (Context other = Context.create(); Socket s = other.socket(SocketType.REP)) {
            refused(SecurityRule.NO_AUTHENTICATOR, () -> SocketSecurity.curveServer(auth, "c", SERVER).applyTo(s));
        }
    }

    @Test
    void closedAuthenticator() {
        auth.close();
        refused(SecurityRule.AUTHENTICATOR_CLOSED, () -> SocketSecurity.curveServer(auth, "c", SERVER).applyTo(socket));
    }

    @Test
    void emptyDomain() {
        refused(SecurityRule.EMPTY_DOMAIN, () -> SocketSecurity.plainServer(auth, "").applyTo(socket));
        refused(SecurityRule.EMPTY_DOMAIN, () -> SocketSecurity.curveServer(auth, "", SERVER).applyTo(socket));
    }

    @Test
    void noPolicyForTheMechanism() {
        refused(SecurityRule.NO_POLICY, () -> SocketSecurity.curveServer(auth, "unknown", SERVER).applyTo(socket));
        refused(SecurityRule.NO_POLICY, () -> SocketSecurity.plainServer(auth, "c").applyTo(socket));
        refused(SecurityRule.NO_POLICY, () -> SocketSecurity.nullServer(auth, "p").applyTo(socket));
    }

    @Test
    void plainOnlyOnLoopbackUnlessAllowed() {
        SocketSecurity.plainServer(auth, "p").applyTo(socket);
        refused(SecurityRule.PLAIN_NOT_LOOPBACK, () -> socket.bind("tcp://0.0.0.0:*"));
        refused(SecurityRule.PLAIN_NOT_LOOPBACK, () -> socket.bind("tcp://*:*"));
        socket.bind("tcp://127.0.0.1:*");
        try (Socket client = ctx.socket(SocketType.REQ); Socket allowed = ctx.socket(SocketType.REP)) {
            SocketSecurity.plainClient("u", "p".toCharArray()).applyTo(client);
            refused(SecurityRule.PLAIN_NOT_LOOPBACK, () -> client.connect("tcp://192.0.2.1:5555"));
            refused(SecurityRule.PLAIN_NOT_LOOPBACK, () -> client.connect("tcp://example.org:5555"));
            client.connect("tcp://localhost:5555");
            client.connect("tcp://[::1]:5555");
            SocketSecurity.plainServer(auth, "p").allowPlainOverNetwork().applyTo(allowed);
            allowed.bind("tcp://0.0.0.0:*");
        }
        assertEquals(SecurityRule.Severity.WARNING, SecurityRule.PLAIN_NOT_LOOPBACK_ALLOWED.severity());
    }

    @Test
    void isLocalRecognisesLoopbackAndIpcOnly() {
        assertTrue(SocketSecurity.isLocal("ipc:///tmp/x"));
        assertTrue(SocketSecurity.isLocal("tcp://127.0.0.1:1"));
        assertTrue(SocketSecurity.isLocal("tcp://127.5.6.7:1"));
        assertTrue(SocketSecurity.isLocal("tcp://[::1]:1"));
        assertTrue(SocketSecurity.isLocal("tcp://192.0.2.1:0;127.0.0.1:1"));
        assertFalse(SocketSecurity.isLocal("tcp://[::ffff:10.0.0.1]:1"));
        assertFalse(SocketSecurity.isLocal("tcp://lo:1"));
        assertFalse(SocketSecurity.isLocal("pgm://eth0;239.192.1.1:5555"));
    }

    @Test
    void inprocHasNoHandshake() {
        SocketSecurity.curveServer(auth, "c", SERVER).applyTo(socket);
        refused(SecurityRule.INPROC_ENDPOINT, () -> socket.bind("inproc://secured"));
        try (Socket client = ctx.socket(SocketType.REQ)) {
            SocketSecurity.curveClient(SERVER.publicKey(), CLIENT).applyTo(client);
            refused(SecurityRule.INPROC_ENDPOINT, () -> client.connect("inproc://secured"));
        }
    }

    @Test
    void securityOptionsAfterBindOrConnectOnAnySocket() {
        try (Socket plain = ctx.socket(SocketType.REP); Socket client = ctx.socket(SocketType.REQ)) {
            plain.bind("tcp://127.0.0.1:*");
            refused(SecurityRule.OPTIONS_AFTER_ATTACH, () -> plain.set(SocketOptions.CURVE_SERVER, true));
            refused(SecurityRule.OPTIONS_AFTER_ATTACH, () -> plain.set(SocketOptions.ZAP_DOMAIN, "c"));
            refused(SecurityRule.OPTIONS_AFTER_ATTACH, () -> SocketSecurity.curveServer(auth, "c", SERVER).applyTo(plain));
            plain.set(SocketOptions.LINGER, Duration.ZERO);
            client.connect("tcp://127.0.0.1:5");
            refused(SecurityRule.OPTIONS_AFTER_ATTACH, () -> client.set(SocketOptions.CURVE_SERVERKEY, SERVER.publicKey()));
        }
    }

    @Test
    void appliedSecurityIsLocked() {
        SocketSecurity.curveServer(auth, "c", SERVER).applyTo(socket);
        refused(SecurityRule.OPTIONS_LOCKED, () -> socket.set(SocketOptions.ZAP_DOMAIN, ""));
        refused(SecurityRule.OPTIONS_LOCKED, () -> socket.set(SocketOptions.CURVE_SERVER, false));
        refused(SecurityRule.OPTIONS_LOCKED, () -> socket.set(SocketOptions.HANDSHAKE_IVL, Duration.ZERO));
        refused(SecurityRule.OPTIONS_LOCKED, () -> socket.set(SocketSecurity.ZAP_ENFORCE_DOMAIN, false));
        refused(SecurityRule.ALREADY_APPLIED, () -> SocketSecurity.plainServer(auth, "p").applyTo(socket));
        socket.set(SocketOptions.SNDHWM, 5);
    }

    @Test
    void serverRolesBindUnlessConnectingIsAllowed() {
        SocketSecurity.curveServer(auth, "c", SERVER).applyTo(socket);
        refused(SecurityRule.SERVER_ROLE_CONNECTS, () -> socket.connect("tcp://127.0.0.1:5"));
        try (Socket s = ctx.socket(SocketType.DEALER)) {
            SocketSecurity.curveServer(auth, "c", SERVER).allowServerToConnect().applyTo(s);
            s.connect("tcp://127.0.0.1:5");
        }
    }

    @Test
    void weakKeys() {
        CurveKey zero = CurveKey.ofBytes(new byte[32]);
        CurveKey.KeyPair zeroPair = new CurveKey.KeyPair(SecretKey.ofBytes(new byte[32]).publicKey(), SecretKey.ofBytes(new byte[32]));
        refused(SecurityRule.WEAK_KEY, () -> SocketSecurity.curveServer(auth, "c", TEST_SERVER).applyTo(socket));
        refused(SecurityRule.WEAK_KEY, () -> SocketSecurity.curveServer(auth, "c", zeroPair).applyTo(socket));
        try (Socket client = ctx.socket(SocketType.REQ)) {
            refused(SecurityRule.WEAK_KEY, () -> SocketSecurity.curveClient(SERVER.publicKey(), TEST_CLIENT).applyTo(client));
            refused(SecurityRule.WEAK_KEY, () -> SocketSecurity.curveClient(TEST_SERVER.publicKey(), CLIENT).applyTo(client));
            refused(SecurityRule.WEAK_KEY, () -> SocketSecurity.curveClient(zero, CLIENT).applyTo(client));
        }
    }

    @Test
    void mismatchedPairAndSharedServerKey() {
        CurveKey.KeyPair mixed = new CurveKey.KeyPair(CLIENT.publicKey(), SERVER.secretKey());
        refused(SecurityRule.KEY_PAIR_MISMATCH, () -> SocketSecurity.curveServer(auth, "c", mixed).applyTo(socket));
        try (Socket client = ctx.socket(SocketType.REQ)) {
            refused(SecurityRule.CLIENT_KEY_IS_SERVER_KEY,
                    () -> SocketSecurity.curveClient(SERVER.publicKey(), SERVER).applyTo(client));
        }
    }

    @Test
    void handshakeMustOutlastTheReplyDeadline() {
        socket.set(SocketOptions.HANDSHAKE_IVL, Duration.ZERO);
        refused(SecurityRule.HANDSHAKE_TOO_SHORT, () -> SocketSecurity.curveServer(auth, "c", SERVER).applyTo(socket));
        socket.set(SocketOptions.HANDSHAKE_IVL, auth.replyDeadline());
        refused(SecurityRule.HANDSHAKE_TOO_SHORT, () -> SocketSecurity.curveServer(auth, "c", SERVER).applyTo(socket));
        socket.set(SocketOptions.HANDSHAKE_IVL, auth.replyDeadline().multipliedBy(3));
        SocketSecurity.curveServer(auth, "c", SERVER).applyTo(socket);
    }

    @Test
    void encryptionOnlyIsAWarning() {
        assertEquals(List.of(SecurityRule.ENCRYPTION_ONLY), SocketSecurity.curveEncryptionOnlyServer(SERVER).applyTo(socket));
        assertEquals(SecurityRule.Severity.WARNING, SecurityRule.ENCRYPTION_ONLY.severity());
        assertFalse(socket.get(SocketSecurity.ZAP_ENFORCE_DOMAIN));
    }

    @Test
    void oldLibzmqIsRefusedForServersAndAWarningForClients() {
        Zmq.Version old = new Zmq.Version(4, 3, 3);
        refused(SecurityRule.LIBZMQ_TOO_OLD, () -> SocketSecurity.checkVersion(old, true, new java.util.ArrayList<>()));
        List<SecurityRule> warnings = new java.util.ArrayList<>();
        SocketSecurity.checkVersion(old, false, warnings);
        assertEquals(List.of(SecurityRule.LIBZMQ_TOO_OLD_CLIENT), warnings);
        SocketSecurity.checkVersion(new Zmq.Version(4, 3, 4), true, warnings);
        assertEquals(1, warnings.size());
    }

    @Test
    void plainClientPasswordIsCopiedAndWiped() {
        char[] password = "p".toCharArray();
        SocketSecurity role = SocketSecurity.plainClient("u", password);
        password[0] = 'x';
        try (Socket client = ctx.socket(SocketType.REQ)) {
            role.applyTo(client);
        }
        assertFalse(role.toString().contains("p\""), role.toString());
    }

    @Test
    void everyRuleHasAReason() {
        for (SecurityRule r : SecurityRule.values()) {
            assertFalse(r.reason().isBlank(), r.name());
        }
    }
}
