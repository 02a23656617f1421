package dev.zmqffm.misuse;

import dev.zmqffm.Authenticator;
import dev.zmqffm.Context;
import dev.zmqffm.CurveKey;
import dev.zmqffm.DomainPolicy;
import dev.zmqffm.InsecureConfigurationException;
import dev.zmqffm.PasswordStore;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketSecurity;
import dev.zmqffm.SocketType;
import dev.zmqffm.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The libzmq abort paths around ZAP (shared/design/security.md), each run in its own JVM by
 * {@code SecurityMisuseTest}: one line per step and {@code DONE}; an abort ends the process with
 * status 134 before {@code DONE}.
 */
public final class SecurityScenario {
    /** Rounds of the repeated scenarios (each round a new context). */
    static final int ROUNDS = 3;

    private SecurityScenario() {}

    public static void main(String[] args) throws Throwable {
        switch (args[0]) {
            case "plain-empty-domain" -> plainEmptyDomain();
            case "close-while-handshaking" -> closeWhileHandshaking();
            case "connecting-server-slow-verifier" -> connectingServerSlowVerifier();
            case "context-close-under-load" -> contextCloseUnderLoad();
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("DONE");
    }

    private static Socket plainClient(Context ctx, String ep, String password) {
        Socket c = ctx.socket(SocketType.DEALER);
        c.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(10));
        SocketSecurity.plainClient("u", password.toCharArray()).applyTo(c);
        c.connect(ep);
        return c;
    }

    /** PLAIN with an empty domain: libzmq asserts when ZAP_ENFORCE_DOMAIN is on and a client connects. */
    private static void plainEmptyDomain() throws Exception {
        try (Context ctx = Context.create();
             Authenticator auth = Authenticator.builder(ctx).failureLimit(0, Duration.ofSeconds(1))
                     .policy("p", DomainPolicy.builder().plain(PasswordStore.of(Map.of("u", "p"))).build()).start();
             Socket server = ctx.socket(SocketType.ROUTER)) {
            Scenario.expect("secure-empty-domain", InsecureConfigurationException.class,
                    () -> SocketSecurity.plainServer(auth, "").applyTo(server));
            // Set by hand, without ZAP_ENFORCE_DOMAIN (not settable through the public API): libzmq
            // asks the handler with the empty domain, which it denies.
            server.set(SocketOptions.PLAIN_SERVER, true);
            String ep = server.bind("tcp://127.0.0.1:*");
            try (Socket c = plainClient(ctx, ep, "p")) {
                c.send("x");
                Thread.sleep(500);
                System.out.println("delivered: " + server.receiveMultipart(Duration.ofMillis(200)).isPresent());
            }
        }
    }

    /** Closing the authenticator, then the servers, then the context, while clients keep handshaking. */
    private static void closeWhileHandshaking() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Context ctx = Context.create();
            Authenticator auth = Authenticator.builder(ctx).failureLimit(0, Duration.ofSeconds(1))
                    .policy("p", DomainPolicy.builder().plain(PasswordStore.of(Map.of("u", "p"))).build()).start();
            List<Socket> servers = new ArrayList<>();
            List<Socket> clients = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Socket s = ctx.socket(SocketType.ROUTER);
                SocketSecurity.plainServer(auth, "p").applyTo(s);
                String ep = s.bind("tcp://127.0.0.1:*");
                servers.add(s);
                for (int j = 0; j < 5; j++) {
                    clients.add(plainClient(ctx, ep, j % 2 == 0 ? "p" : "wrong"));
                }
            }
            Thread.sleep(100);
            auth.close();
            System.out.println("running-after-close: " + auth.isRunning());
            Thread.sleep(100);
            for (Socket s : servers) {
                s.close();
            }
            Thread.sleep(50);
            for (Socket c : clients) {
                c.close();
            }
            System.out.println("ended: " + auth.awaitTermination(Duration.ofSeconds(5)));
            ctx.close();
        }
        System.out.println("rounds: " + ROUNDS);
    }

    /**
     * A server role that connects (its ZAP pipe survives reconnects) with a verifier slower than its
     * deadline: every request gets one 300 in time, the late verdicts are dropped, never sent.
     */
    private static void connectingServerSlowVerifier() throws Exception {
        CurveKey.KeyPair server = CurveKey.generateKeyPair();
        CurveKey.KeyPair client = CurveKey.generateKeyPair();
        try (Context ctx = Context.create();
             Authenticator auth = Authenticator.builder(ctx).replyDeadline(Duration.ofMillis(100))
                     .policy("c", DomainPolicy.builder().curveVerifier((d, a, k) -> CompletableFuture.supplyAsync(
                             () -> Verdict.allow("late"), CompletableFuture.delayedExecutor(150, TimeUnit.MILLISECONDS)),
                             Duration.ofMillis(100)).build()).start();
             Socket bound = ctx.socket(SocketType.ROUTER);
             Socket connecting = ctx.socket(SocketType.DEALER)) {
            SocketSecurity.curveClient(server.publicKey(), client).applyTo(bound);
            String ep = bound.bind("tcp://127.0.0.1:*");
            connecting.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(10));
            SocketSecurity.curveServer(auth, "c", server).allowServerToConnect().applyTo(connecting);
            connecting.connect(ep);
            connecting.send("from server role");
            Thread.sleep(1500);
            System.out.println("delivered: " + bound.receiveMultipart(Duration.ofMillis(100)).isPresent());
        }
    }

    /** Context close (no authenticator close) while many handshakes wait for verdicts. */
    private static void contextCloseUnderLoad() throws Exception {
        CurveKey.KeyPair server = CurveKey.generateKeyPair();
        for (int round = 0; round < ROUNDS; round++) {
            Context ctx = Context.create();
            Authenticator auth = Authenticator.builder(ctx)
                    .policy("c", DomainPolicy.builder().curveVerifier((d, a, k) -> new CompletableFuture<>(),
                            Duration.ofMillis(300)).build()).start();
            Socket s = ctx.socket(SocketType.ROUTER);
            SocketSecurity.curveServer(auth, "c", server).applyTo(s);
            String ep = s.bind("tcp://127.0.0.1:*");
            for (int i = 0; i < 20; i++) {
                Socket c = ctx.socket(SocketType.DEALER);
                c.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(10));
                SocketSecurity.curveClient(server.publicKey(), CurveKey.generateKeyPair()).applyTo(c);
                c.connect(ep);
            }
            Thread.sleep(50 + 40 * round);
            long start = System.nanoTime();
            ctx.close();
            System.out.println("close-ms: " + (System.nanoTime() - start) / 1_000_000);
            System.out.println("ended: " + auth.awaitTermination(Duration.ofSeconds(5)));
        }
    }
}
