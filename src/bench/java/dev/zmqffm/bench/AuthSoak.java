package dev.zmqffm.bench;

import dev.zmqffm.Authenticator;
import dev.zmqffm.AuditRecord;
import dev.zmqffm.Context;
import dev.zmqffm.CurveKey;
import dev.zmqffm.DomainPolicy;
import dev.zmqffm.Mechanism;
import dev.zmqffm.Message;
import dev.zmqffm.PasswordStore;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketSecurity;
import dev.zmqffm.SocketType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The authenticator under attack (scripts/soak auth): for each of NULL, PLAIN and CURVE, a
 * legitimate client keeps sending numbered frames while attackers open {@code N} connections —
 * random bytes, mutated handshakes, replays of captured handshakes, and real libzmq clients with
 * unlisted keys, wrong passwords or disallowed addresses. It checks that no frame from an
 * unauthenticated peer reaches the application, that every legitimate frame does, and that file
 * descriptors and resident memory come back to their baseline. Prints {@code RESULT} lines; exits
 * 1 if a check fails.
 *
 * <p>Usage: {@code AuthSoak [connections-per-mechanism]} (default 100000, run twice after a warm-up
 * of a tenth). Attackers connect from
 * 127.0.0.2–127.0.0.254 (the NULL domain allows only 127.0.0.1, the legitimate client's address)
 * and reset their TCP connections, so no TIME_WAIT piles up.
 */
public final class AuthSoak {
    private static final String LEGIT_PASSWORD = "correct horse battery staple";
    private static final int ATTACK_THREADS_PER_MECHANISM = 8;

    private final int connections;
    private final Context serverCtx = Context.create();
    private final Context clientCtx = Context.create();
    private final CurveKey.KeyPair serverKeys = CurveKey.generateKeyPair();
    private final CurveKey.KeyPair legitKeys = CurveKey.generateKeyPair();
    private final AtomicLong[] statuses = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};
    private final AtomicLong unauthenticated = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Authenticator auth;

    private AuthSoak(int connections) {
        this.connections = connections;
        Consumer<AuditRecord> count = r -> statuses[r.status() / 100 - 2].incrementAndGet();
        auth = Authenticator.builder(serverCtx).audit(count)
                .policy("null", DomainPolicy.builder().allowNull().allowAddresses("127.0.0.1").build())
                .policy("plain", DomainPolicy.builder().plain(PasswordStore.of(Map.of("legit", LEGIT_PASSWORD))).build())
                .policy("curve", DomainPolicy.builder().curveKeys(Map.of(legitKeys.publicKey(), "legit")).build())
                .start();
    }

    /** One mechanism's server, legitimate client and counters. */
    private final class Lane {
        final Mechanism mechanism;
        final Socket server = serverCtx.socket(SocketType.ROUTER);
        final String endpoint;
        final int port;
        final AtomicLong legitSent = new AtomicLong();
        final AtomicLong legitDelivered = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        final AtomicLong attempts = new AtomicLong();
        final AtomicLong[] kinds = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};
        volatile byte[] replay = new byte[0];
        Thread serverThread;
        Thread legitThread;

        Lane(Mechanism mechanism) {
            this.mechanism = mechanism;
            switch (mechanism) {
                case NULL -> SocketSecurity.nullServer(auth, "null").applyTo(server);
                case PLAIN -> SocketSecurity.plainServer(auth, "plain").applyTo(server);
                default -> SocketSecurity.curveServer(auth, "curve", serverKeys).applyTo(server);
            }
            endpoint = server.bind("tcp://127.0.0.1:*");
            port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        }

        void secureClient(Socket s, boolean legit, SplittableRandom random) {
            switch (mechanism) {
                case NULL -> { }
                case PLAIN -> SocketSecurity.plainClient("legit", (legit ? LEGIT_PASSWORD : "guess" + random.nextInt())
                        .toCharArray()).applyTo(s);
                default -> SocketSecurity.curveClient(serverKeys.publicKey(), legit ? legitKeys : CurveKey.generateKeyPair())
                        .applyTo(s);
            }
        }

        void start() {
            serverThread = new Thread(this::serve, "soak-server-" + mechanism);
            serverThread.start();
            legitThread = new Thread(this::talk, "soak-legit-" + mechanism);
            legitThread.start();
        }

        /** Every frame that arrives must come from the legitimate client, in order. */
        private void serve() {
            long expected = 0;
            try (Message id = new Message(); Message body = new Message()) {
                while (!stop.get() || legitDelivered.get() < legitSent.get()) {
                    if (!server.receive(id, Duration.ofMillis(100))) {
                        if (stop.get() && legitDelivered.get() >= legitSent.get()) {
                            break;
                        }
                        continue;
                    }
                    server.receive(body);
                    String who = auth.verifiedUserId(body).orElse(null);
                    String text = body.text();
                    boolean legit = mechanism == Mechanism.NULL ? "".equals(who) : "legit".equals(who);
                    if (!legit || !text.startsWith("SEQ ")) {
                        if (!(legit && text.equals("CAPTURE"))) {
                            unauthenticated.incrementAndGet();
                        }
                        continue;
                    }
                    if (Long.parseLong(text.substring(4)) != expected) {
                        outOfOrder.incrementAndGet();
                    }
                    expected++;
                    legitDelivered.incrementAndGet();
                }
            }
        }

        private void talk() {
            try (Socket client = clientCtx.socket(SocketType.DEALER)) {
                secureClient(client, true, new SplittableRandom());
                client.connect(endpoint);
                long n = 0;
                while (!stop.get()) {
                    client.send("SEQ " + n++);
                    legitSent.incrementAndGet();
                    sleepMillis(1);
                }
            }
        }

        /** The bytes a client sends in a real handshake (and one frame), captured through a relay. */
        void capture() throws IOException {
            try (ServerSocket relay = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                 Context ctx = Context.create(); Socket client = ctx.socket(SocketType.DEALER)) {
                // PLAIN has no replay protection (the password travels in clear): its capture is of a
                // client with a wrong password. NULL and CURVE captures are of the legitimate client.
                secureClient(client, mechanism != Mechanism.PLAIN, new SplittableRandom());
                client.set(SocketOptions.LINGER, Duration.ZERO);
                client.connect("tcp://127.0.0.1:" + relay.getLocalPort());
                client.send("CAPTURE");
                try (java.net.Socket in = relay.accept(); java.net.Socket out = new java.net.Socket("127.0.0.1", port)) {
                    in.setSoTimeout(50);
                    out.setSoTimeout(50);
                    ByteArrayOutputStream captured = new ByteArrayOutputStream();
                    long end = System.nanoTime() + 1_000_000_000L;
                    while (System.nanoTime() < end) {
                        pump(in.getInputStream(), out.getOutputStream(), captured);
                        pump(out.getInputStream(), in.getOutputStream(), null);
                    }
                    replay = captured.toByteArray();
                }
            }
        }

        void attack(int share, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int realEvery = 7;
            List<Socket> batch = new ArrayList<>();
            try (Context attackCtx = Context.create()) {
                for (int i = 0; i < share; i++) {
                    int kind = i % realEvery == 0 ? 3 : random.nextInt(3);
                    kinds[kind].incrementAndGet();
                    attempts.incrementAndGet();
                    if (kind == 3) {
                        batch.add(realAttacker(attackCtx, random));
                        if (batch.size() == 32) {
                            sleepMillis(30);
                            batch.forEach(Socket::close);
                            batch.clear();
                        }
                    } else {
                        rawAttack(kind, random);
                    }
                }
                sleepMillis(30);
                batch.forEach(Socket::close);
            }
        }

        private Socket realAttacker(Context ctx, SplittableRandom random) {
            Socket s = ctx.socket(SocketType.DEALER);
            s.set(SocketOptions.LINGER, Duration.ZERO);
            s.set(SocketOptions.RECONNECT_IVL, SocketOptions.INFINITE);
            secureClient(s, false, random);
            s.connect("tcp://" + source(random) + ":0;127.0.0.1:" + port);
            s.send("INJECT", dev.zmqffm.SendFlags.DONT_WAIT);
            return s;
        }

        private void rawAttack(int kind, SplittableRandom random) {
            byte[] bytes = switch (kind) {
                case 0 -> randomBytes(random, 1 + random.nextInt(300));
                case 1 -> mutatedHandshake(random);
                default -> replay;
            };
            try (java.net.Socket tcp = new java.net.Socket()) {
                tcp.setSoLinger(true, 0);
                tcp.bind(new InetSocketAddress(source(random), 0));
                tcp.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                tcp.getOutputStream().write(bytes);
                if (kind != 0) {
                    // Let the server answer (and fail) the handshake before the reset.
                    tcp.setSoTimeout(20);
                    InputStream in = tcp.getInputStream();
                    byte[] sink = new byte[4096];
                    while (in.read(sink) >= 0) {
                        // until the server closes or the timeout
                    }
                }
            } catch (IOException e) {
                // refused, reset or timed out: all the attacker gets
            }
        }

        /** A greeting for this mechanism and a first command, with a few bytes flipped. */
        private byte[] mutatedHandshake(SplittableRandom random) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] greeting = new byte[64];
            greeting[0] = (byte) 0xFF;
            greeting[9] = 0x7F;
            greeting[10] = 3;
            byte[] name = mechanism.name().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, greeting, 12, name.length);
            b.writeBytes(greeting);
            byte[] command = switch (mechanism) {
                case NULL -> command("READY", property("Socket-Type", "DEALER"), property("User-Id", "legit"));
                case PLAIN -> command("HELLO", new byte[] {5}, "legit".getBytes(StandardCharsets.US_ASCII),
                        new byte[] {5}, "guess".getBytes(StandardCharsets.US_ASCII));
                default -> command("HELLO", randomBytes(random, 194));
            };
            b.write(0x04);
            b.write(command.length);
            b.writeBytes(command);
            b.writeBytes(new byte[] {0, 6});
            b.writeBytes("INJECT".getBytes(StandardCharsets.US_ASCII));
            byte[] out = b.toByteArray();
            int flips = random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                out[random.nextInt(out.length)] ^= (byte) (1 + random.nextInt(255));
            }
            return out;
        }

        void join() throws InterruptedException {
            legitThread.join();
            serverThread.join(30_000);
        }
    }

    private static byte[] command(String name, byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(name.length());
        b.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    private static byte[] property(String name, String value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(name.length());
        b.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        b.writeBytes(new byte[] {0, 0, 0, (byte) v.length});
        b.writeBytes(v);
        return b.toByteArray();
    }

    private static void pump(InputStream from, OutputStream to, ByteArrayOutputStream record) throws IOException {
        byte[] buf = new byte[4096];
        try {
            int n = from.read(buf);
            if (n > 0) {
                to.write(buf, 0, n);
                if (record != null && record.size() < 8192) {
                    record.write(buf, 0, n);
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            // nothing this round
        }
    }

    private static String source(SplittableRandom random) {
        return "127.0.0." + (2 + random.nextInt(253));
    }

    private static byte[] randomBytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long openDescriptors() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** One attack round over all lanes; returns seconds taken. */
    private double round(List<Lane> lanes, int perMechanism, long seed) throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> attackers = new ArrayList<>();
        for (Lane lane : lanes) {
            for (int t = 0; t < ATTACK_THREADS_PER_MECHANISM; t++) {
                long s = seed * 31 + lane.mechanism.ordinal() * 7 + t;
                Thread a = new Thread(() -> lane.attack(perMechanism / ATTACK_THREADS_PER_MECHANISM, s),
                        "soak-attack-" + lane.mechanism + "-" + t);
                a.start();
                attackers.add(a);
            }
        }
        for (Thread a : attackers) {
            a.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Waits (up to 30 s) for the server side to drop every attacker connection: until the
     * descriptor count is at most {@code target}, or for the baseline ({@code target} &lt; 0) until
     * it stays the same for half a second.
     */
    private long settle(long target) throws IOException {
        long fds = openDescriptors();
        int stable = 0;
        for (int i = 0; i < 300 && (target < 0 ? stable < 5 : fds > target); i++) {
            sleepMillis(100);
            long now = openDescriptors();
            stable = now == fds ? stable + 1 : 0;
            fds = now;
        }
        return fds;
    }

    private int run() throws Exception {
        List<Lane> lanes = List.of(new Lane(Mechanism.NULL), new Lane(Mechanism.PLAIN), new Lane(Mechanism.CURVE));
        for (Lane lane : lanes) {
            lane.capture();
            lane.start();
        }
        sleepMillis(500);
        // A warm-up round (JIT, malloc arenas of the attack threads, libzmq pools), the baseline,
        // then two full rounds: the first must leave descriptors at the baseline, the second must
        // not grow resident memory beyond the first (a leak grows it every round).
        double warm = round(lanes, Math.max(ATTACK_THREADS_PER_MECHANISM, connections / 10), 1);
        long baseFds = settle(-1);
        System.gc();
        sleepMillis(1000);
        long baseRss = rssKb();
        double seconds = round(lanes, connections, 2);
        long fds = settle(baseFds);
        System.gc();
        sleepMillis(1000);
        long rss = rssKb();
        double seconds2 = round(lanes, connections, 3);
        long fds2 = settle(baseFds);
        System.gc();
        sleepMillis(1000);
        long rss2 = rssKb();
        stop.set(true);
        for (Lane lane : lanes) {
            lane.join();
        }
        boolean ok = unauthenticated.get() == 0 && rss2 - rss < 16 * 1024 && fds <= baseFds && fds2 <= baseFds;
        for (Lane lane : lanes) {
            ok &= lane.legitDelivered.get() == lane.legitSent.get() && lane.outOfOrder.get() == 0 && lane.replay.length > 0;
            System.out.printf("RESULT mechanism=%s connections=%d random=%d mutated=%d replayed=%d real-clients=%d "
                            + "legit-sent=%d legit-delivered=%d out-of-order=%d replay-bytes=%d%n",
                    lane.mechanism, lane.attempts.get(), lane.kinds[0].get(), lane.kinds[1].get(), lane.kinds[2].get(),
                    lane.kinds[3].get(), lane.legitSent.get(), lane.legitDelivered.get(), lane.outOfOrder.get(),
                    lane.replay.length);
        }
        System.out.printf("RESULT unauthenticated-frames=%d zap-200=%d zap-300=%d zap-400=%d zap-500=%d%n",
                unauthenticated.get(), statuses[0].get(), statuses[1].get(), statuses[2].get(), statuses[3].get());
        System.out.printf("RESULT warm-up-s=%.1f round1-s=%.1f round2-s=%.1f fds-baseline=%d fds-after-round1=%d "
                        + "fds-after-round2=%d rss-baseline-kb=%d rss-after-round1-kb=%d rss-after-round2-kb=%d "
                        + "rss-growth-round2-kb=%d%n", warm, seconds, seconds2, baseFds, fds, fds2, baseRss, rss, rss2,
                rss2 - rss);
        System.out.println("RESULT verdict=" + (ok ? "PASS" : "FAIL"));
        for (Lane lane : lanes) {
            lane.server.close();
        }
        auth.close();
        clientCtx.close();
        serverCtx.close();
        return ok ? 0 : 1;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.exit(new AuthSoak(n).run());
    }
}
