package dev.zmqffm.bench;

import dev.zmqffm.Context;
import dev.zmqffm.ContextOptions;
import dev.zmqffm.ContextTerminatedException;
import dev.zmqffm.ReceiveFlags;
import dev.zmqffm.SendFlags;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketType;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What waiting on virtual threads costs, run by {@code scripts/bench --vt} under
 * {@code -Djdk.virtualThreadScheduler.parallelism=2}:
 *
 * <pre>
 * VirtualThreadBench WAITERS ROUND_TRIPS
 * </pre>
 *
 * <ol>
 *   <li>WAITERS virtual threads each blocked in a receive on its own socket (the descriptor
 *       limit is raised to its hard limit first): the delay before an unrelated virtual thread
 *       runs (start → first instruction, p50/p99 of 2,000 starts), and the memory each waiting
 *       socket costs (resident set and Java heap, divided by WAITERS);</li>
 *   <li>REQ/REP round trips over tcp where every receive has to wait, both sides on platform
 *       threads (the blocking downcall) and both on virtual threads (each receive parks):
 *       one-way latency, median of 5 runs.</li>
 * </ol>
 * Prints {@code RESULT name=value} lines.
 */
public final class VirtualThreadBench {
    private VirtualThreadBench() {}

    public static void main(String[] args) throws Throwable {
        int waiters = Integer.parseInt(args[0]);
        int roundTrips = Integer.parseInt(args[1]);
        System.out.println("RESULT fd-limit=" + raiseDescriptorLimit());
        System.out.println("RESULT carriers=" + System.getProperty("jdk.virtualThreadScheduler.parallelism", "default"));
        latency(roundTrips);
        waiting(waiters);
    }

    private static void waiting(int count) throws Exception {
        long[] baseline = startDelays(2000);
        System.out.printf("RESULT start-delay-idle-p50-us=%.1f p99-us=%.1f%n", baseline[0] / 1e3, baseline[1] / 1e3);
        System.gc();
        long rssBefore = residentBytes();
        long heapBefore = usedHeap();
        try (Context ctx = Context.create()) {
            ctx.set(ContextOptions.MAX_SOCKETS, count + 64);
            List<Socket> sockets = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            CountDownLatch ended = new CountDownLatch(count);
            for (int i = 0; i < count; i++) {
                Socket s = ctx.socket(SocketType.PULL);
                s.bind("inproc://waiter-" + i);
                sockets.add(s);
            }
            long created = System.nanoTime();
            for (Socket s : sockets) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        s.receiveBytes();
                    } catch (ContextTerminatedException e) {
                        // released by shutdown below
                    } finally {
                        s.close();
                        ended.countDown();
                    }
                }));
            }
            dev.zmqffm.internal.Reactor reactor = dev.zmqffm.internal.Reactor.instance();
            while (reactor.registered() < count) {
                Thread.sleep(5);
            }
            System.out.printf("RESULT parked=%d in-ms=%d%n", reactor.registered(), (System.nanoTime() - created) / 1_000_000);
            long[] delays = startDelays(2000);
            System.out.printf("RESULT start-delay-%d-waiting-p50-us=%.1f p99-us=%.1f%n", count, delays[0] / 1e3,
                    delays[1] / 1e3);
            System.gc();
            Thread.sleep(200);
            long rss = residentBytes() - rssBefore;
            long heap = usedHeap() - heapBefore;
            System.out.printf("RESULT bytes-per-waiting-socket rss=%d heap=%d%n", rss / count, heap / count);
            long shutdown = System.nanoTime();
            ctx.shutdown();
            ended.await(60, TimeUnit.SECONDS);
            System.out.printf("RESULT shutdown-releases-all-ms=%d%n", (System.nanoTime() - shutdown) / 1_000_000);
            for (Thread t : threads) {
                t.join();
            }
        }
    }

    /** Delay from {@code Thread.start()} of a new virtual thread to its first instruction. */
    private static long[] startDelays(int samples) throws InterruptedException {
        long[] d = new long[samples];
        for (int i = 0; i < samples; i++) {
            long[] ran = new long[1];
            long start = System.nanoTime();
            Thread t = Thread.ofVirtual().start(() -> ran[0] = System.nanoTime());
            t.join();
            d[i] = ran[0] - start;
        }
        Arrays.sort(d);
        return new long[] {d[samples / 2], d[(int) (samples * 0.99)]};
    }

    private static void latency(int roundTrips) throws Exception {
        for (boolean virtual : new boolean[] {false, true, false, true, false, true, false, true, false, true}) {
            // interleaved: 5 runs of each
            double us = roundTrip(virtual, roundTrips);
            System.out.printf("RESULT latency-%s-us=%.2f%n", virtual ? "virtual" : "platform", us);
        }
    }

    private static double roundTrip(boolean virtual, int count) throws Exception {
        try (Context ctx = Context.create(); Socket rep = ctx.socket(SocketType.REP); Socket req = ctx.socket(SocketType.REQ)) {
            req.connect(rep.bind("tcp://127.0.0.1:*"));
            int warm = count / 4;
            Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform();
            Thread server = builder.start(() -> {
                byte[] b = new byte[64];
                for (int i = 0; i < warm + count; i++) {
                    int n = rep.receive(b, ReceiveFlags.NONE);
                    rep.send(b, 0, n, SendFlags.NONE);
                }
            });
            double[] result = new double[1];
            Thread client = builder.start(() -> {
                byte[] b = new byte[64];
                long start = 0;
                for (int i = 0; i < warm + count; i++) {
                    if (i == warm) {
                        start = System.nanoTime();
                    }
                    req.send(b, 0, 1, SendFlags.NONE);
                    req.receive(b, ReceiveFlags.NONE);
                }
                result[0] = (System.nanoTime() - start) / 1e3 / count / 2;
            });
            client.join();
            server.join();
            return result[0];
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long residentBytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }

    /** setrlimit(RLIMIT_NOFILE, hard): each socket needs a descriptor (its mailbox). */
    private static long raiseDescriptorLimit() throws Throwable {
        Linker linker = Linker.nativeLinker();
        FunctionDescriptor fd = FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS);
        MethodHandle get = linker.downcallHandle(linker.defaultLookup().find("getrlimit").orElseThrow(), fd);
        MethodHandle set = linker.downcallHandle(linker.defaultLookup().find("setrlimit").orElseThrow(), fd);
        int rlimitNofile = 7;   // Linux
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment limits = arena.allocate(ValueLayout.JAVA_LONG, 2);
            if ((int) get.invokeExact(rlimitNofile, limits) != 0) {
                return -1;
            }
            limits.set(ValueLayout.JAVA_LONG, 0, limits.get(ValueLayout.JAVA_LONG, 8));
            int rc = (int) set.invokeExact(rlimitNofile, limits);
            int reread = (int) get.invokeExact(rlimitNofile, limits);
            return rc == 0 && reread == 0 ? limits.get(ValueLayout.JAVA_LONG, 0) : -1;
        }
    }
}
