package dev.zmqffm.snippets;

import dev.zmqffm.AuditRecord;
import dev.zmqffm.Authenticator;
import dev.zmqffm.Certificate;
import dev.zmqffm.Context;
import dev.zmqffm.CurveKey;
import dev.zmqffm.CurveVerifier;
import dev.zmqffm.DomainPolicy;
import dev.zmqffm.InsecureConfigurationException;
import dev.zmqffm.Mechanism;
import dev.zmqffm.Message;
import dev.zmqffm.PasswordStore;
import dev.zmqffm.SecretKey;
import dev.zmqffm.SecurityRule;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketSecurity;
import dev.zmqffm.SocketType;
import dev.zmqffm.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The javadoc examples of the security API (see {@link CoreSnippets} for how the regions are
 * used). Servers bind {@code tcp://127.0.0.1:*}: inproc has no handshake, so security needs a
 * real transport, and a free port never collides. Files go to the directory the test gives.
 */
final class SecuritySnippets {
    private SecuritySnippets() {}

    /** Authenticator and SocketSecurity: a CURVE client whose certificate is in an allow list. */
    static List<String> curveRoundTrip(Path dir) throws IOException {
        Path clients = Files.createDirectory(dir.resolve("clients"));
        Certificate serverCert = Certificate.generate(Map.of("name", "orders-service"));
        Certificate clientCert = Certificate.generate(Map.of("name", "alice"));
        clientCert.savePublic(clients.resolve("alice.key"));
        String who;
        String text;
        // @start region="authenticator"
        try (Context ctx = Context.create();
             Authenticator auth = Authenticator.builder(ctx)
                     .policy("orders", DomainPolicy.builder().curveCertificates(clients).build())
                     .start();
             Socket server = ctx.socket(SocketType.REP);
             Socket client = ctx.socket(SocketType.REQ);
             Message request = new Message()) {
            // @start region="socket-security"
            // Server: clients must hold a key whose certificate is in clients/
            SocketSecurity.curveServer(auth, "orders", serverCert).applyTo(server);
            String endpoint = server.bind("tcp://127.0.0.1:*");

            // Client: knows the server's public key, has its own key pair
            SocketSecurity.curveClient(serverCert.publicPart(), clientCert).applyTo(client);
            client.connect(endpoint);
            // @end region="socket-security"
            client.send("order 1");
            server.receive(request);
            // @replace substring="who =" replacement="String who =" :
            who = auth.verifiedUserId(request).orElseThrow();   // the client's key in Z85, set by auth
            // @replace substring="text =" replacement="String text =" :
            text = request.text();                              // order 1
        }
        // @end region="authenticator"
        return List.of(who, clientCert.publicKey().toZ85(), text);
    }

    static List<Object> certificate(Path dir) throws IOException {
        try (Context ctx = Context.create();
             Authenticator auth = Authenticator.builder(ctx)
                     .policy("orders", DomainPolicy.builder().curveAnyClientKey().build()).start();
             Socket socket = ctx.socket(SocketType.ROUTER)) {
            Files.createDirectory(dir.resolve("certs"));
            // @start region="certificate"
            Certificate server = Certificate.generate(Map.of("name", "orders-service"));
            server.save(dir.resolve("certs/server.key"));   // server.key (public) + server.key_secret (0600)

            Certificate loaded = Certificate.load(dir.resolve("certs/server.key_secret"));
            SocketSecurity.curveServer(auth, "orders", loaded).applyTo(socket);
            // @end
            return List.of(loaded.publicKey().equals(server.publicKey()), loaded.metadata(),
                    socket.get(SocketOptions.MECHANISM));
        }
    }

    static List<Object> curveKey() {
        try (Context ctx = Context.create();
             Socket serverSocket = ctx.socket(SocketType.REP);
             Socket clientSocket = ctx.socket(SocketType.REQ)) {
            // @start region="curve-key"
            CurveKey.KeyPair server = CurveKey.generateKeyPair();
            serverSocket.set(SocketOptions.CURVE_SERVER, true);
            serverSocket.set(SocketOptions.CURVE_SECRETKEY, server.secretKey());

            String serverPublicZ85 = server.publicKey().toZ85();        // 40 characters, given to clients
            CurveKey.KeyPair client = CurveKey.generateKeyPair();
            clientSocket.set(SocketOptions.CURVE_SERVERKEY, CurveKey.fromZ85(serverPublicZ85));
            clientSocket.set(SocketOptions.CURVE_PUBLICKEY, client.publicKey());
            clientSocket.set(SocketOptions.CURVE_SECRETKEY, client.secretKey());
            // @end
            return List.of(clientSocket.get(SocketOptions.CURVE_SERVERKEY).equals(server.publicKey()),
                    serverSocket.get(SocketOptions.MECHANISM), clientSocket.get(SocketOptions.MECHANISM));
        }
    }

    static Verdict curveVerifier() {
        CurveKey.KeyPair device = CurveKey.generateKeyPair();
        Map<CurveKey, String> devices = Map.of(device.publicKey(), "sensor-7");
        // @start region="curve-verifier"
        CurveVerifier byRegistry = (domain, address, key) -> CompletableFuture.supplyAsync(
                () -> devices.containsKey(key) ? Verdict.allow(devices.get(key)) : Verdict.deny("unknown"));
        DomainPolicy policy = DomainPolicy.builder()
                .curveVerifier(byRegistry, Duration.ofMillis(500))   // later than that: a temporary failure
                .build();
        // @end
        if (!policy.accepts(Mechanism.CURVE)) {
            throw new AssertionError("the policy does not accept CURVE");
        }
        return byRegistry.verify("d", "127.0.0.1", device.publicKey()).toCompletableFuture().join();
    }

    static Optional<DomainPolicy> domainPolicy(Path dir) {
        CurveKey revokedKey = CurveKey.generateKeyPair().publicKey();
        try (Context ctx = Context.create();
             Authenticator auth = Authenticator.start(ctx)) {
            // @start region="domain-policy"
            DomainPolicy orders = DomainPolicy.builder()
                    .allowAddresses("10.0.0.0/8", "::1")
                    .denyAddresses("10.66.0.0/16")                  // deny wins
                    .curveCertificates(dir.resolve("clients"))      // reloaded when it changes
                    .denyKeys(List.of(revokedKey))
                    .build();
            auth.setPolicy("orders", orders);
            // @end
            return auth.policyOf("orders");
        }
    }

    static DomainPolicy passwordStore(Path dir) throws IOException {
        Path path = dir.resolve("passwords");
        char[] password = "correct horse".toCharArray();
        // @start region="password-store"
        // A file line per user; hashEntry makes the hashed form:
        Files.writeString(path, PasswordStore.hashEntry("alice", password) + "\n");
        DomainPolicy policy = DomainPolicy.builder().plain(PasswordStore.file(path)).build();
        // @end
        return policy;
    }

    /** A PLAIN login through a {@link #passwordStore} policy; returns the server's verified User-Id. */
    static Optional<String> plainLogin(DomainPolicy policy, String password, Duration wait) {
        try (Context ctx = Context.create();
             Authenticator auth = Authenticator.builder(ctx).policy("users", policy).start();
             Socket server = ctx.socket(SocketType.REP);
             Socket client = ctx.socket(SocketType.REQ);
             Message request = new Message()) {
            SocketSecurity.plainServer(auth, "users").applyTo(server);
            String endpoint = server.bind("tcp://127.0.0.1:*");
            client.set(SocketOptions.LINGER, Duration.ZERO);   // a refused client's request is dropped at close
            SocketSecurity.plainClient("alice", password.toCharArray()).applyTo(client);
            client.connect(endpoint);
            client.send("hello");
            if (!server.receive(request, wait)) {
                return Optional.empty();
            }
            return auth.verifiedUserId(request);
        }
    }

    static List<String> secretKey() {
        String during;
        // @start region="secret-key"
        CurveKey.KeyPair pair = CurveKey.generateKeyPair();
        try (Context ctx = Context.create();
             Socket socket = ctx.socket(SocketType.REP);
             SecretKey secret = pair.secretKey()) {
            socket.set(SocketOptions.CURVE_SECRETKEY, secret);   // libzmq keeps its own copy
            // @replace substring="during =" replacement="String during =" :
            during = pair.toString();                    // ... secretKey=SecretKey[redacted]
        }                                                       // the Java copy is zeroed here
        String after = pair.toString();                         // ... secretKey=SecretKey[wiped]
        // @end
        return List.of(during, after);
    }

    static Verdict verdict() {
        record Account(String name, String tenant) {}
        CurveKey known = CurveKey.generateKeyPair().publicKey();
        Map<CurveKey, Account> accounts = Map.of(known, new Account("sensor-7", "acme"));
        class Registry {
            CompletionStage<Account> lookup(CurveKey key) {
                return CompletableFuture.completedFuture(accounts.get(key));
            }
        }
        Registry registry = new Registry();
        // @start region="verdict"
        CurveVerifier verifier = (domain, address, key) -> registry.lookup(key)   // CompletionStage<Account>
                .thenApply(account -> account == null
                        ? Verdict.deny("unknown device")
                        : Verdict.allow(account.name(), Map.of("Tenant", account.tenant())));
        // @end
        Verdict unknown = verifier.verify("d", "127.0.0.1", CurveKey.generateKeyPair().publicKey())
                .toCompletableFuture().join();
        if (unknown.allowed()) {
            throw new AssertionError("an unknown key was allowed");
        }
        return verifier.verify("d", "127.0.0.1", known).toCompletableFuture().join();
    }

    static String auditRecord() throws InterruptedException {
        BlockingQueue<String> log = new LinkedBlockingQueue<>();
        CurveKey.KeyPair serverKeys = CurveKey.generateKeyPair();
        CurveKey trusted = CurveKey.generateKeyPair().publicKey();
        try (Context ctx = Context.create()) {
            // @start region="audit-record"
            Authenticator auth = Authenticator.builder(ctx)
                    .policy("orders", DomainPolicy.builder().curveKeys(List.of(trusted)).build())
                    .audit(record -> {
                        if (!record.allowed()) {
                            log.add("denied " + record.principal() + " from " + record.address() + ": "
                                    + record.reason());
                        }
                    })
                    .start();
            // @end
            try (auth;
                 Socket server = ctx.socket(SocketType.REP);
                 Socket stranger = ctx.socket(SocketType.REQ)) {
                SocketSecurity.curveServer(auth, "orders", serverKeys).applyTo(server);
                String endpoint = server.bind("tcp://127.0.0.1:*");
                stranger.set(SocketOptions.LINGER, Duration.ZERO);
                SocketSecurity.curveClient(serverKeys.publicKey(), CurveKey.generateKeyPair()).applyTo(stranger);
                stranger.connect(endpoint);
                String line = log.poll(10, TimeUnit.SECONDS);
                return line == null ? "no audit record" : line;
            }
        }
    }

    static SecurityRule insecureConfiguration() {
        try (Context ctx = Context.create();
             Authenticator auth = Authenticator.start(ctx);
             Socket socket = ctx.socket(SocketType.REP)) {
            Certificate serverCert = Certificate.generate();
            // @start region="insecure-configuration"
            try {
                SocketSecurity.curveServer(auth, "", serverCert).applyTo(socket);
            } catch (InsecureConfigurationException e) {
                return e.rule();        // EMPTY_DOMAIN; e.getMessage() names the rule and why it exists
            }
            // @end
            return null;
        }
    }

    static SecurityRule securityRule() {
        try (Context ctx = Context.create();
             Authenticator auth = Authenticator.builder(ctx)
                     .policy("users", DomainPolicy.builder().plain(PasswordStore.of(Map.of("alice", "secret"))).build())
                     .start();
             Socket socket = ctx.socket(SocketType.REP)) {
            // @start region="security-rule"
            try {
                SocketSecurity.plainServer(auth, "users").applyTo(socket);
                socket.bind("tcp://0.0.0.0:*");        // refused before anything listens
            } catch (InsecureConfigurationException e) {
                return e.rule();                       // SecurityRule.PLAIN_NOT_LOOPBACK
            }
            // @end
            return null;
        }
    }

    static Set<Mechanism> mechanism() {
        try (Context ctx = Context.create();
             Socket server = ctx.socket(SocketType.REP)) {
            Mechanism before = server.get(SocketOptions.MECHANISM);
            // @start region="mechanism"
            server.set(SocketOptions.CURVE_SERVER, true);
            boolean curve = server.get(SocketOptions.MECHANISM) == Mechanism.CURVE;   // true
            // @end
            return curve ? Set.of(before, Mechanism.CURVE) : Set.of(before);
        }
    }
}
