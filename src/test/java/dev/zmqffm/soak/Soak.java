package dev.zmqffm.soak;

import dev.zmqffm.Context;
import dev.zmqffm.Message;
import dev.zmqffm.PollEvent;
import dev.zmqffm.Poller;
import dev.zmqffm.ReceiveFlags;
import dev.zmqffm.SendFlags;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The long reliability runs behind {@code scripts/soak}: native memory over many messages per
 * send/receive API, descriptors and memory after socket and context cycles, and threads blocked
 * in sends, receives and polls released by {@code Context.shutdown()}. Each section prints
 * {@code SOAK …} lines with the raw figures.
 *
 * <pre>
 * java … dev.zmqffm.soak.Soak memory 10000000
 * java … dev.zmqffm.soak.Soak cycles 100000 10000
 * java … dev.zmqffm.soak.Soak shutdown 1000 100
 * </pre>
 */
public final class Soak {
    private Soak() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "memory" -> memory(Long.parseLong(args[1]));
            case "cycles" -> cycles(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "shutdown" -> shutdown(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "pirate" -> pirate(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private interface Transfer {
        void once(Socket push, Socket pull);
    }

    /** 64-byte messages over inproc through each send/receive API pair; memory per message. */
    static void memory(long messages) {
        byte[] payload = new byte[64];
        byte[] into = new byte[64];
        MemorySegment nativeOut = Arena.global().allocate(64);
        MemorySegment nativeIn = Arena.global().allocate(64);
        ByteBuffer directOut = ByteBuffer.allocateDirect(64);
        ByteBuffer directIn = ByteBuffer.allocateDirect(64);
        List<String> names = List.of("byte[] -> receiveBytes", "byte[] -> receive(byte[])",
                "MemorySegment -> receive(MemorySegment)", "ByteBuffer -> receive(ByteBuffer)",
                "Message -> receive(Message)", "String -> receiveString");
        List<Transfer> transfers = List.of(
                (push, pull) -> {
                    push.send(payload, SendFlags.NONE);
                    pull.receiveBytes().orElseThrow();
                },
                (push, pull) -> {
                    push.send(payload, SendFlags.NONE);
                    pull.receive(into, ReceiveFlags.NONE);
                },
                (push, pull) -> {
                    push.send(nativeOut, SendFlags.NONE);
                    pull.receive(nativeIn, ReceiveFlags.NONE);
                },
                (push, pull) -> {
                    push.send(directOut.clear(), SendFlags.NONE);
                    pull.receive(directIn.clear(), ReceiveFlags.NONE);
                },
                (push, pull) -> {
                    try (Message out = Message.of(payload); Message in = new Message()) {
                        push.send(out);
                        pull.receive(in);
                    }
                },
                (push, pull) -> {
                    push.send("sixty-four bytes of text, more or less, to keep it comparable..");
                    pull.receiveString().orElseThrow();
                });
        for (int t = 0; t < transfers.size(); t++) {
            try (Context ctx = Context.create(); Socket push = ctx.socket(SocketType.PUSH);
                 Socket pull = ctx.socket(SocketType.PULL)) {
                pull.bind("inproc://soak");
                push.connect("inproc://soak");
                Transfer transfer = transfers.get(t);
                for (int i = 0; i < 1_000_000; i++) {              // warm-up: JIT, pools, queues
                    transfer.once(push, pull);
                }
                System.gc();
                NativeMemory.trim();
                NativeMemory.Snapshot before = NativeMemory.snapshot();
                long start = System.nanoTime();
                for (long i = 0; i < messages; i++) {
                    transfer.once(push, pull);
                }
                long ns = System.nanoTime() - start;
                System.gc();
                NativeMemory.trim();
                NativeMemory.Snapshot after = NativeMemory.snapshot();
                System.out.printf("SOAK memory %-42s messages=%d rss %+d B (%.4f B/msg) malloc %+d B (%.4f B/msg) "
                                + "fds %+d, %.0f msg/s%n", names.get(t), messages, after.rssBytes() - before.rssBytes(),
                        (after.rssBytes() - before.rssBytes()) / (double) messages,
                        after.mallocInUse() - before.mallocInUse(),
                        (after.mallocInUse() - before.mallocInUse()) / (double) messages,
                        after.descriptors() - before.descriptors(), messages * 1e9 / ns);
            }
        }
    }

    /** Socket and context cycles: descriptors and memory against the baseline. */
    static void cycles(int socketCycles, int contextCycles) {
        try (Context warm = Context.create()) {
            for (int i = 0; i < 1000; i++) {
                warm.socket(SocketType.DEALER).close();
            }
        }
        System.gc();
        NativeMemory.trim();
        NativeMemory.Snapshot base = NativeMemory.snapshot();
        try (Context ctx = Context.create()) {
            Socket peer = ctx.socket(SocketType.ROUTER);
            peer.bind("inproc://cycles");
            for (int i = 0; i < socketCycles; i++) {
                try (Socket s = ctx.socket(SocketType.DEALER)) {
                    s.connect("inproc://cycles");
                    s.send("x");
                }
                // Receiving also makes the ROUTER acknowledge the closed peers' pipes: until it
                // does, a closed socket keeps its slot (libzmq reaps it after the handshake).
                while (peer.receiveBytes(ReceiveFlags.DONT_WAIT).isPresent()) {
                    // drain
                }
            }
            peer.close();
        }
        System.gc();
        NativeMemory.trim();
        NativeMemory.Snapshot sockets = NativeMemory.snapshot();
        System.out.println("SOAK cycles sockets=" + socketCycles + " before: " + base.describe() + " after: "
                + sockets.describe() + String.format(" (rss %+d B, malloc %+d B, fds %+d)",
                sockets.rssBytes() - base.rssBytes(), sockets.mallocInUse() - base.mallocInUse(),
                sockets.descriptors() - base.descriptors()));
        long[] rssAt = new long[4];
        for (int i = 0; i < contextCycles; i++) {
            try (Context ctx = Context.create(); Socket s = ctx.socket(SocketType.PAIR)) {
                s.bind("tcp://127.0.0.1:*");
            }
            if (contextCycles >= 4 && (i + 1) % (contextCycles / 4) == 0) {
                NativeMemory.trim();
                rssAt[(i + 1) / (contextCycles / 4) - 1] = NativeMemory.snapshot().rssBytes();
            }
        }
        System.gc();
        NativeMemory.trim();
        NativeMemory.Snapshot contexts = NativeMemory.snapshot();
        System.out.println("SOAK cycles contexts=" + contextCycles + " before: " + sockets.describe() + " after: "
                + contexts.describe() + String.format(" (rss %+d B = %.1f B/cycle, malloc %+d B, fds %+d)",
                contexts.rssBytes() - sockets.rssBytes(), (contexts.rssBytes() - sockets.rssBytes()) / (double) contextCycles,
                contexts.mallocInUse() - sockets.mallocInUse(), contexts.descriptors() - sockets.descriptors())
                + " rss at each quarter: " + java.util.Arrays.toString(rssAt));
    }

    /**
     * {@code rounds} times: {@code threads} threads (half platform, half virtual) blocked in a
     * receive, a send at the HWM, or a poll, then {@code Context.shutdown()}: all must return
     * within 1 s.
     */
    static void shutdown(int rounds, int threads) throws InterruptedException {
        long worst = 0;
        long[] worstByKind = new long[6];                  // receive, send, poll x platform, virtual
        String[] kinds = {"receive/platform", "send/platform", "poll/platform", "receive/virtual", "send/virtual",
                "poll/virtual"};
        int late = 0;
        int stuck = 0;
        for (int round = 0; round < rounds; round++) {
            Context ctx = Context.create();
            List<Socket> sockets = new ArrayList<>();
            CountDownLatch started = new CountDownLatch(threads);
            CountDownLatch done = new CountDownLatch(threads);
            List<Thread> all = new ArrayList<>();
            long[] ended = new long[threads];
            for (int i = 0; i < threads; i++) {
                int kind = i % 3;
                int index = i;
                Socket s = ctx.socket(kind == 1 ? SocketType.PUSH : SocketType.PULL);
                if (kind == 1) {
                    s.set(SocketOptions.SNDHWM, 1);
                    s.connect("inproc://nobody-" + round + "-" + i);
                }
                sockets.add(s);
                Runnable body = () -> {
                    started.countDown();
                    try {
                        switch (kind) {
                            case 0 -> s.receiveBytes();
                            case 1 -> {
                                while (s.send("x")) {
                                    // fill the queue until the send blocks
                                }
                            }
                            default -> {
                                try (Poller p = new Poller()) {
                                    p.register(s, PollEvent.IN);
                                    p.poll(SocketOptions.INFINITE);
                                }
                            }
                        }
                    } catch (RuntimeException expected) {
                        // ContextTerminatedException: released
                    } finally {
                        ended[index] = System.nanoTime();
                        done.countDown();
                    }
                };
                Thread t = i % 2 == 0 ? Thread.ofPlatform().start(body) : Thread.ofVirtual().start(body);
                all.add(t);
            }
            started.await();
            Thread.sleep(20);                                       // let them reach their waits
            long start = System.nanoTime();
            ctx.shutdown();
            boolean released = done.await(1, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - start) / 1_000_000;
            worst = Math.max(worst, ms);
            for (int i = 0; i < threads && released; i++) {
                int k = (i % 3) + (i % 2 == 0 ? 0 : 3);
                worstByKind[k] = Math.max(worstByKind[k], (ended[i] - start) / 1_000_000);
            }
            if (!released) {
                late++;
                if (!done.await(10, TimeUnit.SECONDS)) {
                    stuck++;
                }
            }
            for (Thread t : all) {
                t.join(10_000);
            }
            ctx.close();
        }
        System.out.println("SOAK shutdown rounds=" + rounds + " threads=" + threads + " (half platform, half virtual; "
                + "receive, send at HWM, poll) worstReleaseMs=" + worst + " roundsOver1s=" + late + " stuck=" + stuck);
        StringBuilder byKind = new StringBuilder("SOAK shutdown worst release per kind (ms):");
        for (int k = 0; k < kinds.length; k++) {
            byKind.append(' ').append(kinds[k]).append('=').append(worstByKind[k]);
        }
        System.out.println(byKind);
        if (late > 0) {
            System.exit(1);
        }
    }

    private static Process peer(String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(dev.zmqffm.testing.ForkedJvm.javaLauncher().toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), dev.zmqffm.fault.FaultPeer.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * Lazy Pirate over ipc: {@code requests} requests from a client process to a server process
     * that is SIGKILLed and restarted after every 100 answered requests.
     */
    static void pirate(int requests) throws Exception {
        String endpoint = "ipc:///tmp/zmqffm-soak-pirate-" + ProcessHandle.current().pid() + ".ipc";
        Process server = peer("rep", endpoint);
        Process client = peer("lpclient", endpoint, Integer.toString(requests), "250", "0");
        java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream()));
        int kills = 0;
        String summary = null;
        long start = System.nanoTime();
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith("PROGRESS ") && !line.equals("PROGRESS 0")) {
                server.destroyForcibly().waitFor();                 // SIGKILL
                kills++;
                server = peer("rep", endpoint);
            } else if (line.startsWith("LP ")) {
                summary = line;
            }
        }
        client.waitFor();
        server.destroyForcibly().waitFor();
        java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(endpoint.substring("ipc://".length())));
        System.out.println("SOAK pirate requests=" + requests + " serverKills=" + kills + " seconds="
                + (System.nanoTime() - start) / 1_000_000_000 + " " + summary);
        if (summary == null || !summary.contains(" lost=0 mismatched=0")) {
            System.exit(1);
        }
    }
}
