package dev.zmqffm.fault;

import dev.zmqffm.testing.ForkedJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two network namespaces joined by a veth pair — two "hosts", A ({@code 10.x.y.1}) and B
 * ({@code 10.x.y.2}), with addresses only inside them — and the faults the tests inject: link
 * down/up (a partition), a token-bucket rate limit (a slow link), SIGKILL of a peer process.
 * Names are unique per run ({@code zf<pid><n>a}/{@code b}); leftovers of runs whose process is
 * gone are removed first; {@link #close()} deletes both namespaces.
 *
 * <pre>{@code
 * try (Netns net = Netns.create().orElseThrow()) {
 *     Netns.Peer server = net.startOnB("rep", "tcp://" + net.addressB() + ":5555");
 *     net.partition(true);
 * }
 * }</pre>
 */
final class Netns implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String a;
    private final String b;
    private final String subnet;
    private final List<Peer> peers = new ArrayList<>();

    private Netns(String a, String b, String subnet) {
        this.a = a;
        this.b = b;
        this.subnet = subnet;
    }

    /** Why namespaces cannot be made here, or empty if they can. */
    static Optional<String> unavailable() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return Optional.of("not Linux");
        }
        ForkedJvm.Result r = ForkedJvm.exec(List.of("ip", "netns", "list"), 10);
        if (r.exitCode() != 0) {
            return Optional.of("`ip netns` is not available: " + r.stderr().strip());
        }
        ForkedJvm.Result id = ForkedJvm.exec(List.of("id", "-u"), 10);
        if (!id.stdout().strip().equals("0")) {
            return Optional.of("creating network namespaces needs root (uid " + id.stdout().strip() + ")");
        }
        return Optional.empty();
    }

    static Netns create() {
        removeLeftovers();
        long pid = ProcessHandle.current().pid();
        int n = COUNTER.incrementAndGet();
        String base = "zf" + pid + "x" + n;
        String subnet = "10.213." + ((pid * 7 + n) % 250) + ".";
        Netns net = new Netns(base + "a", base + "b", subnet);
        try {
            run("ip", "netns", "add", net.a);
            run("ip", "netns", "add", net.b);
            run("ip", "link", "add", net.a, "type", "veth", "peer", "name", net.b);
            run("ip", "link", "set", net.a, "netns", net.a);
            run("ip", "link", "set", net.b, "netns", net.b);
            for (String ns : List.of(net.a, net.b)) {
                run("ip", "-n", ns, "link", "set", "lo", "up");
                run("ip", "-n", ns, "addr", "add", subnet + (ns.equals(net.a) ? "1" : "2") + "/30", "dev", ns);
                run("ip", "-n", ns, "link", "set", ns, "up");
            }
            return net;
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /** Deletes namespaces of earlier runs whose JVM is gone. */
    private static void removeLeftovers() {
        for (String line : ForkedJvm.exec(List.of("ip", "netns", "list"), 10).stdout().split("\n")) {
            String name = line.split(" ")[0];
            if (name.matches("zf\\d+x\\d+[ab]")) {
                long owner = Long.parseLong(name.substring(2, name.indexOf('x')));
                if (ProcessHandle.of(owner).isEmpty()) {
                    ForkedJvm.exec(List.of("ip", "netns", "del", name), 10);
                }
            }
        }
    }

    private static void run(String... command) {
        ForkedJvm.Result r = ForkedJvm.exec(List.of(command), 20);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + r.stderr());
        }
    }

    String addressA() {
        return subnet + "1";
    }

    String addressB() {
        return subnet + "2";
    }

    /** Cuts ({@code true}) or heals the link between A and B (link down/up on B's side). */
    void partition(boolean cut) {
        run("ip", "-n", b, "link", "set", b, cut ? "down" : "up");
        run("ip", "-n", a, "link", "set", a, cut ? "down" : "up");
    }

    /** Limits B's egress to {@code rate} (e.g. "1mbit") with a token bucket, or removes it (null). */
    void slowLink(String rate) {
        if (rate == null) {
            ForkedJvm.exec(List.of("ip", "netns", "exec", b, "tc", "qdisc", "del", "dev", b, "root"), 10);
        } else {
            run("ip", "netns", "exec", b, "tc", "qdisc", "add", "dev", b, "root", "tbf", "rate", rate,
                    "burst", "16kbit", "latency", "400ms");
        }
    }

    Peer startOnA(String... args) {
        return start(a, args);
    }

    Peer startOnB(String... args) {
        return start(b, args);
    }

    private Peer start(String ns, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns, ForkedJvm.javaLauncher().toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:-CreateCoredumpOnCrash", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), FaultPeer.class.getName()));
        command.addAll(List.of(args));
        Peer p = new Peer(command);
        peers.add(p);
        return p;
    }

    @Override
    public void close() {
        for (Peer p : peers) {
            p.kill();
        }
        ForkedJvm.exec(List.of("ip", "netns", "del", a), 10);
        ForkedJvm.exec(List.of("ip", "netns", "del", b), 10);
    }

    /** A peer process; its stdout lines arrive in a queue. */
    static final class Peer {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder all = new StringBuilder();

        Peer(List<String> command) {
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        synchronized (all) {
                            all.append(line).append('\n');
                        }
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process is gone
                }
            });
            reader.setName("peer-output");
        }

        /** The next line starting with {@code prefix}, waiting up to {@code seconds}. */
        String await(String prefix, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("no '" + prefix + "' within " + seconds + " s; output:\n" + output());
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }

        String output() {
            synchronized (all) {
                return all.toString();
            }
        }

        /** SIGKILL: a crash, no chance to close anything. */
        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        int waitFor(int seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                kill();
                throw new AssertionError("peer did not finish within " + seconds + " s:\n" + output());
            }
            return process.exitValue();
        }
    }
}
