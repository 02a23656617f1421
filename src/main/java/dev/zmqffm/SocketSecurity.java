package dev.zmqffm;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Security for one socket, applied in one step before {@code bind}/{@code connect}: every option
 * the role needs is set (mechanism, keys, ZAP domain, ZAP_ENFORCE_DOMAIN), and the configurations
 * in which libzmq would let everyone in, leak a password or abort the process are refused with
 * {@link InsecureConfigurationException} (see {@link SecurityRule} for each rule and its reason).
 *
 * {@snippet class=dev.zmqffm.snippets.SecuritySnippets region=socket-security}
 *
 * <p><b>Server roles</b> — {@link #curveServer}, {@link #plainServer}, {@link #nullServer} — need the
 * {@link Authenticator} of the socket's context, a non-empty domain with a policy for the
 * mechanism, libzmq 4.3.4+, a working ZAP_ENFORCE_DOMAIN, a HANDSHAKE_IVL longer than the
 * authenticator's reply deadline, and they bind (connecting needs {@link #allowServerToConnect()}).
 * {@link #curveEncryptionOnlyServer} is CURVE without client authentication, asked for by name: any
 * client key is accepted (a warning). <b>Client roles</b> — {@link #curveClient}, {@link #plainClient}.
 *
 * <p><b>At bind/connect</b> the role refuses {@code inproc://} (no handshake there, so no
 * security), and PLAIN anywhere but loopback tcp and ipc unless {@link #allowPlainOverNetwork()}.
 * After the first bind/connect of <em>any</em> socket its security options cannot change (libzmq
 * copies them at bind/connect); once a role is applied they cannot change at all.
 */
public final class SocketSecurity {
    /** The ZAP domain of encryption-only CURVE servers; no {@link DomainPolicy} may use it. */
    static final String ENCRYPTION_ONLY_DOMAIN = "zmq-ffm:encryption-only";

    /** ZMQ_ZAP_ENFORCE_DOMAIN: declared in the draft part of zmq.h, honoured by stable 4.3.4. */
    static final SocketOption<Boolean> ZAP_ENFORCE_DOMAIN =
            new SocketOption<>("ZAP_ENFORCE_DOMAIN", 93, Boolean.class, OptionCodec.BOOLEAN, true, true);

    /** Options libzmq copies at bind/connect. */
    private static final Set<SocketOption<?>> SECURITY_OPTIONS = Set.of(SocketOptions.PLAIN_SERVER,
            SocketOptions.PLAIN_USERNAME, SocketOptions.PLAIN_PASSWORD, SocketOptions.CURVE_SERVER,
            SocketOptions.CURVE_PUBLICKEY, SocketOptions.CURVE_SECRETKEY, SocketOptions.CURVE_SERVERKEY,
            SocketOptions.ZAP_DOMAIN, ZAP_ENFORCE_DOMAIN, SocketOptions.GSSAPI_SERVER, SocketOptions.GSSAPI_PRINCIPAL,
            SocketOptions.GSSAPI_SERVICE_PRINCIPAL, SocketOptions.GSSAPI_PLAINTEXT,
            SocketOptions.GSSAPI_PRINCIPAL_NAMETYPE, SocketOptions.GSSAPI_SERVICE_PRINCIPAL_NAMETYPE);

    /**
     * What only applying a role needs, initialised then: the set/bind/connect hooks run on every
     * socket and must not load loggers or decode keys (a virtual thread waiting for a class
     * initialiser pins its carrier).
     */
    private static final class Lazy {
        /** The published test keys of zmq_curve(7): anyone can decrypt or impersonate with them. */
        static final Set<CurveKey> PUBLISHED_KEYS = Set.of(
                CurveKey.fromZ85("Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID"),
                CurveKey.fromZ85("D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs"),
                CurveKey.fromZ85("rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"),
                CurveKey.fromZ85("JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6"));

        static final System.Logger LOG = System.getLogger("dev.zmqffm.security");
    }

    private enum Role {
        CURVE_SERVER(Mechanism.CURVE, true), PLAIN_SERVER(Mechanism.PLAIN, true), NULL_SERVER(Mechanism.NULL, true),
        CURVE_ENCRYPTION_ONLY(Mechanism.CURVE, true), CURVE_CLIENT(Mechanism.CURVE, false),
        PLAIN_CLIENT(Mechanism.PLAIN, false);

        final Mechanism mechanism;
        final boolean server;

        Role(Mechanism mechanism, boolean server) {
            this.mechanism = mechanism;
            this.server = server;
        }
    }

    private final Role role;
    private final Authenticator auth;
    private final String domain;
    private final CurveKey.KeyPair keys;
    private final CurveKey serverKey;
    private final String username;
    private final char[] password;
    private boolean plainOverNetwork;
    private boolean serverMayConnect;

    private SocketSecurity(Role role, Authenticator auth, String domain, CurveKey.KeyPair keys, CurveKey serverKey,
            String username, char[] password) {
        this.role = role;
        this.auth = auth;
        this.domain = domain;
        this.keys = keys;
        this.serverKey = serverKey;
        this.username = username;
        this.password = password;
    }

    /**
     * A CURVE server whose clients {@code auth} checks under {@code domain}.
     *
     * @param auth the authenticator of the socket's context
     * @param domain the ZAP domain whose {@link DomainPolicy} admits clients
     * @param serverKeys the server's long-term keys; clients need the public one
     * @return the configuration, to {@link #applyTo} a socket that binds
     */
    public static SocketSecurity curveServer(Authenticator auth, String domain, CurveKey.KeyPair serverKeys) {
        return new SocketSecurity(Role.CURVE_SERVER, Objects.requireNonNull(auth, "auth"), Objects.requireNonNull(domain,
                "domain"), Objects.requireNonNull(serverKeys, "serverKeys"), null, null, null);
    }

    /**
     * A CURVE server with the key pair of a secret certificate.
     *
     * @param auth the authenticator of the socket's context
     * @param domain the ZAP domain whose {@link DomainPolicy} admits clients
     * @param serverSecret a certificate with a secret key
     * @return the configuration, to {@link #applyTo} a socket that binds
     * @throws IllegalStateException if {@code serverSecret} has no secret key
     */
    public static SocketSecurity curveServer(Authenticator auth, String domain, Certificate serverSecret) {
        return curveServer(auth, domain, serverSecret.keyPair());
    }

    /**
     * A PLAIN server whose users {@code auth} checks under {@code domain}. Loopback or ipc only by default.
     *
     * @param auth the authenticator of the socket's context
     * @param domain the ZAP domain whose {@link DomainPolicy} holds the passwords
     * @return the configuration, to {@link #applyTo} a socket that binds
     */
    public static SocketSecurity plainServer(Authenticator auth, String domain) {
        return new SocketSecurity(Role.PLAIN_SERVER, Objects.requireNonNull(auth, "auth"),
                Objects.requireNonNull(domain, "domain"), null, null, null, null);
    }

    /**
     * A NULL server whose peers {@code auth} checks by address only, under {@code domain}.
     *
     * @param auth the authenticator of the socket's context
     * @param domain the ZAP domain whose {@link DomainPolicy} lists the allowed addresses
     * @return the configuration, to {@link #applyTo} a socket that binds
     */
    public static SocketSecurity nullServer(Authenticator auth, String domain) {
        return new SocketSecurity(Role.NULL_SERVER, Objects.requireNonNull(auth, "auth"),
                Objects.requireNonNull(domain, "domain"), null, null, null, null);
    }

    /**
     * A CURVE server that encrypts and proves its own identity but accepts <em>any</em> client key
     * (CurveZMQ "Stonehouse"), asked for by name. {@link SecurityRule#ENCRYPTION_ONLY} is reported
     * as a warning.
     *
     * @param serverKeys the server's long-term keys; clients need the public one
     * @return the configuration, to {@link #applyTo} a socket that binds
     */
    public static SocketSecurity curveEncryptionOnlyServer(CurveKey.KeyPair serverKeys) {
        return new SocketSecurity(Role.CURVE_ENCRYPTION_ONLY, null, ENCRYPTION_ONLY_DOMAIN,
                Objects.requireNonNull(serverKeys, "serverKeys"), null, null, null);
    }

    /**
     * A CURVE client of the server with {@code serverPublicKey}, using {@code clientKeys}.
     *
     * @param serverPublicKey the server's long-term public key, obtained out of band
     * @param clientKeys this client's long-term keys; the server's policy must admit the public one
     * @return the configuration, to {@link #applyTo} a socket that connects
     */
    public static SocketSecurity curveClient(CurveKey serverPublicKey, CurveKey.KeyPair clientKeys) {
        return new SocketSecurity(Role.CURVE_CLIENT, null, null, Objects.requireNonNull(clientKeys, "clientKeys"),
                Objects.requireNonNull(serverPublicKey, "serverPublicKey"), null, null);
    }

    /**
     * A CURVE client from the server's (public) certificate and the client's secret certificate.
     *
     * @param server the server's certificate (only its public key is used)
     * @param clientSecret this client's certificate with its secret key
     * @return the configuration, to {@link #applyTo} a socket that connects
     * @throws IllegalStateException if {@code clientSecret} has no secret key
     */
    public static SocketSecurity curveClient(Certificate server, Certificate clientSecret) {
        return curveClient(server.publicKey(), clientSecret.keyPair());
    }

    /**
     * A PLAIN client (the password is copied, and wiped once applied). Loopback or ipc only by default.
     *
     * @param username the user name, without NUL characters
     * @param password the password; the caller may wipe its array at once
     * @return the configuration, to {@link #applyTo} a socket that connects
     * @throws IllegalArgumentException if {@code username} holds a NUL character
     */
    public static SocketSecurity plainClient(String username, char[] password) {
        CStrings.checked(username, "username");
        return new SocketSecurity(Role.PLAIN_CLIENT, null, null, null, null, username, password.clone());
    }

    /**
     * Allows PLAIN over non-loopback transports, where anyone on the path reads the password (a warning).
     *
     * @return this configuration
     */
    public SocketSecurity allowPlainOverNetwork() {
        plainOverNetwork = true;
        return this;
    }

    /**
     * Allows a server role to connect (rather than bind).
     *
     * @return this configuration
     */
    public SocketSecurity allowServerToConnect() {
        serverMayConnect = true;
        return this;
    }

    /**
     * Checks the configuration and sets every option on {@code socket}.
     *
     * @param socket a socket that has not bound or connected yet
     * @return the warnings (rules of severity WARNING that apply), also logged
     * @throws InsecureConfigurationException for the first error rule broken; nothing is set then
     */
    public List<SecurityRule> applyTo(Socket socket) {
        Objects.requireNonNull(socket, "socket");
        List<SecurityRule> warnings = new ArrayList<>();
        check(socket, warnings);
        switch (role) {
            case CURVE_SERVER -> {
                socket.set(SocketOptions.CURVE_SERVER, true);
                socket.set(SocketOptions.CURVE_SECRETKEY, keys.secretKey());
                serverZap(socket, true);
            }
            case PLAIN_SERVER -> {
                socket.set(SocketOptions.PLAIN_SERVER, true);
                serverZap(socket, true);
            }
            case NULL_SERVER -> serverZap(socket, true);
            case CURVE_ENCRYPTION_ONLY -> {
                socket.set(SocketOptions.CURVE_SERVER, true);
                socket.set(SocketOptions.CURVE_SECRETKEY, keys.secretKey());
                // Not enforced: without a handler libzmq accepts any key; an Authenticator in the
                // context accepts any CURVE key for this reserved domain.
                serverZap(socket, false);
            }
            case CURVE_CLIENT -> {
                socket.set(SocketOptions.CURVE_SERVERKEY, serverKey);
                socket.set(SocketOptions.CURVE_PUBLICKEY, keys.publicKey());
                socket.set(SocketOptions.CURVE_SECRETKEY, keys.secretKey());
            }
            case PLAIN_CLIENT -> {
                socket.set(SocketOptions.PLAIN_USERNAME, username);
                socket.set(SocketOptions.PLAIN_PASSWORD, new String(password));
                Arrays.fill(password, '\0');
            }
        }
        socket.securityApplied(this);
        if (auth != null) {
            auth.track(socket);
        }
        for (SecurityRule w : warnings) {
            Lazy.LOG.log(Level.WARNING, w + " on " + socket + ": " + w.reason());
        }
        return List.copyOf(warnings);
    }

    private void serverZap(Socket socket, boolean enforce) {
        socket.set(SocketOptions.ZAP_DOMAIN, domain);
        setEnforce(socket, enforce);
    }

    private static void setEnforce(Socket socket, boolean enforce) {
        try {
            socket.set(ZAP_ENFORCE_DOMAIN, enforce);
            if (socket.get(ZAP_ENFORCE_DOMAIN) != enforce) {
                throw new InsecureConfigurationException(SecurityRule.ENFORCE_DOMAIN_UNSUPPORTED, "option 93 reads back "
                        + !enforce);
            }
        } catch (ZmqException e) {
            throw new InsecureConfigurationException(SecurityRule.ENFORCE_DOMAIN_UNSUPPORTED, "libzmq rejected option 93: "
                    + e.getMessage());
        }
    }

    private void check(Socket socket, List<SecurityRule> warnings) {
        if (socket.securityRole() != null) {
            refuse(SecurityRule.ALREADY_APPLIED, socket + " already has " + socket.securityRole());
        }
        if (socket.hasAttached()) {
            refuse(SecurityRule.OPTIONS_AFTER_ATTACH, socket + " has already bound or connected");
        }
        checkVersion(Zmq.version(), role.server, warnings);
        if (role.server && role != Role.CURVE_ENCRYPTION_ONLY) {
            checkServer(socket);
        }
        if (role == Role.CURVE_ENCRYPTION_ONLY) {
            warnings.add(SecurityRule.ENCRYPTION_ONLY);
        }
        if (keys != null) {
            checkKeyPair(keys, role.server ? "server" : "client");
        }
        if (serverKey != null) {
            if (serverKey.isZero() || Lazy.PUBLISHED_KEYS.contains(serverKey)) {
                refuse(SecurityRule.WEAK_KEY, "the server public key is all zero or a published test key");
            }
            if (serverKey.equals(keys.publicKey())) {
                refuse(SecurityRule.CLIENT_KEY_IS_SERVER_KEY, "client public key " + keys.publicKey());
            }
        }
        if (role == Role.PLAIN_CLIENT && username.isEmpty()) {
            throw new IllegalArgumentException("PLAIN user name is empty");
        }
    }

    /** Server roles need 4.3.4 (the CVEs of SecurityRule.LIBZMQ_TOO_OLD); clients get a warning. */
    static void checkVersion(Zmq.Version version, boolean server, List<SecurityRule> warnings) {
        if (!version.atLeast(4, 3, 4)) {
            if (server) {
                refuse(SecurityRule.LIBZMQ_TOO_OLD, "libzmq " + version);
            }
            warnings.add(SecurityRule.LIBZMQ_TOO_OLD_CLIENT);
        }
    }

    private void checkServer(Socket socket) {
        Authenticator running = socket.context().authenticator();
        if (running == null) {
            refuse(auth.isClosing() ? SecurityRule.AUTHENTICATOR_CLOSED : SecurityRule.NO_AUTHENTICATOR,
                    "no authenticator runs in the socket's context");
        }
        if (running != auth) {
            refuse(SecurityRule.NO_AUTHENTICATOR, "the authenticator given is not the one of the socket's context");
        }
        if (auth.isClosing()) {
            refuse(SecurityRule.AUTHENTICATOR_CLOSED, auth.toString());
        }
        if (domain.isEmpty()) {
            refuse(SecurityRule.EMPTY_DOMAIN, role + " with an empty ZAP domain");
        }
        DomainPolicy policy = auth.policy(domain);
        if (policy == null || !policy.accepts(role.mechanism)) {
            refuse(SecurityRule.NO_POLICY, "the authenticator has no " + role.mechanism + " policy for domain " + domain);
        }
        Duration ivl = socket.get(SocketOptions.HANDSHAKE_IVL);
        if (ivl.isZero() || ivl.compareTo(auth.replyDeadline()) <= 0) {
            refuse(SecurityRule.HANDSHAKE_TOO_SHORT, "HANDSHAKE_IVL " + ivl + " vs reply deadline " + auth.replyDeadline()
                    + (ivl.isZero() ? " (0 lets unauthenticated peers hold connections forever)" : ""));
        }
    }

    private static void checkKeyPair(CurveKey.KeyPair pair, String whose) {
        if (pair.publicKey().isZero() || Lazy.PUBLISHED_KEYS.contains(pair.publicKey())) {
            refuse(SecurityRule.WEAK_KEY, "the " + whose + " key is all zero or a published test key");
        }
        CurveKey derived = pair.secretKey().publicKey();
        if (Lazy.PUBLISHED_KEYS.contains(derived) || isZeroSecret(pair.secretKey())) {
            refuse(SecurityRule.WEAK_KEY, "the " + whose + " secret key is all zero or a published test key");
        }
        if (!derived.equals(pair.publicKey())) {
            refuse(SecurityRule.KEY_PAIR_MISMATCH, "the " + whose + " public key " + pair.publicKey());
        }
    }

    private static boolean isZeroSecret(SecretKey key) {
        byte[] b = key.bytes();
        try {
            return CurveKey.ofBytes(b).isZero();
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    private static void refuse(SecurityRule rule, String detail) {
        throw new InsecureConfigurationException(rule, detail);
    }

    // --- hooks called by Socket -------------------------------------------------------------

    /** Before {@code Socket.set}: security options are fixed after bind/connect, and once a role is applied. */
    static void checkSet(Socket socket, SocketOption<?> option) {
        SocketSecurity applied = socket.securityRole();
        if (applied != null && (SECURITY_OPTIONS.contains(option) || option == SocketOptions.HANDSHAKE_IVL)) {
            refuse(SecurityRule.OPTIONS_LOCKED, option + " on a socket secured as " + applied);
        }
        if (socket.hasAttached() && SECURITY_OPTIONS.contains(option)) {
            refuse(SecurityRule.OPTIONS_AFTER_ATTACH, option + " after bind/connect");
        }
    }

    /** Before {@code Socket.bind}/{@code connect}: the endpoint rules of the applied role. */
    static void checkEndpoint(Socket socket, String endpoint, boolean bind) {
        SocketSecurity applied = socket.securityRole();
        if (applied == null) {
            return;
        }
        if (endpoint.startsWith("inproc://")) {
            refuse(SecurityRule.INPROC_ENDPOINT, endpoint);
        }
        if (applied.role.server && !bind && !applied.serverMayConnect) {
            refuse(SecurityRule.SERVER_ROLE_CONNECTS, "connect(" + endpoint + ") on a " + applied);
        }
        if (applied.role.mechanism == Mechanism.PLAIN && !isLocal(endpoint)) {
            if (!applied.plainOverNetwork) {
                refuse(SecurityRule.PLAIN_NOT_LOOPBACK, endpoint);
            }
            Lazy.LOG.log(Level.WARNING, SecurityRule.PLAIN_NOT_LOOPBACK_ALLOWED + " on " + endpoint + ": "
                    + SecurityRule.PLAIN_NOT_LOOPBACK_ALLOWED.reason());
        }
    }

    /** ipc, or tcp to/on a literal loopback address or {@code localhost}. */
    static boolean isLocal(String endpoint) {
        if (endpoint.startsWith("ipc://")) {
            return true;
        }
        if (!endpoint.startsWith("tcp://")) {
            return false;
        }
        String address = endpoint.substring("tcp://".length());
        int semicolon = address.indexOf(';');
        if (semicolon >= 0) {
            address = address.substring(semicolon + 1);
        }
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? address : address.substring(0, colon);
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            byte[] a = IpRange.address(host);
            return IpRange.parse("127.0.0.0/8").contains(a) || IpRange.parse("::1").contains(a);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-') + (domain == null ? "" : " (domain " + domain + ")");
    }
}
