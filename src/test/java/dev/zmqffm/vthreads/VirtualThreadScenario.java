package dev.zmqffm.vthreads;

import dev.zmqffm.Context;
import dev.zmqffm.ContextOptions;
import dev.zmqffm.ContextTerminatedException;
import dev.zmqffm.OperationInterruptedException;
import dev.zmqffm.PollEvent;
import dev.zmqffm.Poller;
import dev.zmqffm.ReceiveFlags;
import dev.zmqffm.SendFlags;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;
import dev.zmqffm.internal.Reactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Virtual threads waiting in sockets, run in a JVM of its own by {@link VirtualThreadTest} with
 * two carriers ({@code -Djdk.virtualThreadScheduler.parallelism=2}). Prints {@code key: value}
 * lines the test checks, and {@code DONE}.
 */
public final class VirtualThreadScenario {
    private VirtualThreadScenario() {}

    enum Kind { RECEIVE, TIMED_RECEIVE, SEND_FULL, POLL }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "blocked" -> blocked(Integer.parseInt(args[1]));
            case "cycles" -> cycles(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("DONE");
    }

    /** One waiting virtual thread and what it reports. */
    static final class Waiter {
        final Kind kind;
        final Socket own;       // used by the virtual thread only
        final Socket peer;      // used by the main thread only
        Thread thread;
        volatile long caughtAt;
        volatile boolean interruptStatusKept;
        volatile String afterInterrupt = "none";
        volatile String end = "none";
        final Semaphore resume = new Semaphore(0);
        /** Created once (closing a poller closes a shared arena, which is slow with many threads). */
        Poller poller;

        Waiter(Kind kind, Socket own, Socket peer) {
            this.kind = kind;
            this.own = own;
            this.peer = peer;
        }

        /** The waiting operation; returns what it got. */
        String waitOnce() {
            return switch (kind) {
                case RECEIVE -> own.receiveString().orElse("empty");
                case TIMED_RECEIVE -> own.receiveString(Duration.ofSeconds(60)).orElse("timed out");
                case SEND_FULL -> own.send("more", Duration.ofSeconds(60)) ? "sent" : "not sent";
                case POLL -> {
                    int n = poller.poll(SocketOptions.INFINITE);
                    yield n == 1 && poller.isReadable(0)
                            ? own.receiveString(ReceiveFlags.DONT_WAIT).orElse("nothing") : "poll " + n;
                }
            };
        }

        void run() {
            try {
                try {
                    String got = waitOnce();
                    afterInterrupt = "returned " + got + " instead of being interrupted";
                    return;
                } catch (OperationInterruptedException e) {
                    long now = System.nanoTime();
                    interruptStatusKept = Thread.currentThread().isInterrupted();
                    caughtAt = now;
                }
                Thread.interrupted();
                resume.acquireUninterruptibly();       // main has now sent (or made room)
                afterInterrupt = waitOnce();
                try {
                    waitOnce();                        // until Context.shutdown()
                    end = "returned";
                } catch (ContextTerminatedException e) {
                    end = "ETERM";
                }
            } catch (Throwable t) {
                end = "failed: " + t;
                t.printStackTrace(System.out);
            } finally {
                if (poller != null) {
                    poller.close();
                }
                own.close();
            }
        }
    }

    static void blocked(int count) throws Exception {
        try (Context ctx = Context.create()) {
            ctx.set(ContextOptions.MAX_SOCKETS, 4 * count + 16);
            Kind[] kinds = Kind.values();
            List<Waiter> waiters = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Kind kind = kinds[i % kinds.length];
                String ep = "inproc://w" + i;
                Socket own;
                Socket peer;
                if (kind == Kind.SEND_FULL) {
                    peer = ctx.socket(SocketType.PULL);
                    peer.set(SocketOptions.RCVHWM, 1);
                    peer.bind(ep);
                    own = ctx.socket(SocketType.PUSH);
                    own.set(SocketOptions.SNDHWM, 1);
                    own.connect(ep);
                    while (own.send("fill", SendFlags.DONT_WAIT)) {
                        // fill the queue: the waiting send then has no room
                    }
                } else {
                    own = ctx.socket(SocketType.PULL);
                    own.bind(ep);
                    peer = ctx.socket(SocketType.PUSH);
                    peer.connect(ep);
                }
                waiters.add(new Waiter(kind, own, peer));
            }
            for (Waiter w : waiters) {
                w.thread = Thread.ofVirtual().name("waiter-" + w.kind).unstarted(w::run);
                if (w.kind == Kind.POLL) {
                    w.poller = new Poller();       // used by the waiting thread only, once started
                    w.poller.register(w.own, PollEvent.IN);
                }
                w.thread.start();
            }
            Reactor reactor = Reactor.instance();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (reactor.registered() < count && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            System.out.println("parked: " + reactor.registered());

            // An unrelated virtual thread that only computes must get a carrier at once.
            long start = System.nanoTime();
            long[] result = new long[1];
            Thread compute = Thread.ofVirtual().start(() -> result[0] = compute());
            compute.join(TimeUnit.SECONDS.toMillis(30));
            System.out.println("compute-ms: " + (System.nanoTime() - start) / 1_000_000 + " (" + result[0] + ")");

            // Interrupt one at a time; each must end its wait promptly, keep the status set, and
            // the next call must get what the main thread provides afterwards.
            long[][] delays = new long[kinds.length][];
            int[] counts = new int[kinds.length];
            for (Kind k : kinds) {
                delays[k.ordinal()] = new long[count / kinds.length + 1];
            }
            int statusKept = 0;
            for (Waiter w : waiters) {
                long at = System.nanoTime();
                w.thread.interrupt();
                while (w.caughtAt == 0 && w.thread.isAlive() && System.nanoTime() - at < TimeUnit.SECONDS.toNanos(10)) {
                    Thread.onSpinWait();
                }
                delays[w.kind.ordinal()][counts[w.kind.ordinal()]++] = w.caughtAt == 0 ? Long.MAX_VALUE : w.caughtAt - at;
                statusKept += w.interruptStatusKept ? 1 : 0;
                if (w.kind == Kind.SEND_FULL) {
                    w.peer.receiveString();            // makes room for exactly one more
                } else {
                    w.peer.send("after interrupt");
                }
                w.resume.release();
            }
            System.out.println("status-kept: " + statusKept);
            for (Kind k : kinds) {
                long[] d = Arrays.copyOf(delays[k.ordinal()], counts[k.ordinal()]);
                Arrays.sort(d);
                int within = 0;
                for (long x : d) {
                    within += x <= 10_000_000 ? 1 : 0;
                }
                System.out.printf("interrupt-%s: n=%d p50-us=%d p99-us=%d max-us=%d within-10ms=%d%n", k, d.length,
                        d[d.length / 2] / 1000, d[(int) (d.length * 0.99)] / 1000, d[d.length - 1] / 1000, within);
            }
            // Everyone got what was provided after its interrupt, then waits again.
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (reactor.registered() < count && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            AtomicInteger right = new AtomicInteger();
            for (Waiter w : waiters) {
                String expected = w.kind == Kind.SEND_FULL ? "sent" : "after interrupt";
                if (w.afterInterrupt.equals(expected)) {
                    right.incrementAndGet();
                } else {
                    System.out.println("wrong after interrupt (" + w.kind + "): " + w.afterInterrupt);
                }
            }
            System.out.println("after-interrupt-ok: " + right.get());
            System.out.println("parked-again: " + reactor.registered());

            long shutdownAt = System.nanoTime();
            ctx.shutdown();
            int eterm = 0;
            for (Waiter w : waiters) {
                w.thread.join(TimeUnit.SECONDS.toMillis(10));
                eterm += w.end.equals("ETERM") ? 1 : 0;
                if (!w.end.equals("ETERM")) {
                    System.out.println("end (" + w.kind + "): " + w.end + (w.thread.isAlive() ? " (still alive)" : ""));
                }
            }
            System.out.println("shutdown-ms: " + (System.nanoTime() - shutdownAt) / 1_000_000);
            System.out.println("eterm: " + eterm);
            System.out.println("registered-after: " + reactor.registered());
            for (Waiter w : waiters) {
                w.peer.close();
            }
        }
    }

    private static long compute() {
        long x = 1;
        for (int i = 0; i < 50_000_000; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x & 0xff;
    }

    /** Many park/unpark cycles on one socket leave nothing registered. */
    static void cycles(int count) throws Exception {
        try (Context ctx = Context.create();
             Socket in = ctx.socket(SocketType.PAIR);
             Socket out = ctx.socket(SocketType.PAIR)) {
            out.connect(in.bind("tcp://127.0.0.1:*"));
            Reactor reactor = Reactor.instance();
            CountDownLatch done = new CountDownLatch(1);
            AtomicInteger received = new AtomicInteger();
            int[] maxRegistered = new int[1];
            Thread t = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < count; i++) {
                    Optional<String> s = in.receiveString();
                    if (s.isPresent()) {
                        received.incrementAndGet();
                    }
                }
                done.countDown();
            });
            int parkedSends = 0;
            for (int i = 0; i < count; i++) {
                // Send only once the receiver is parked, so every message ends one park.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (reactor.registered() == 0 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                maxRegistered[0] = Math.max(maxRegistered[0], reactor.registered());
                parkedSends += reactor.registered() == 1 ? 1 : 0;
                out.send("m" + i);
                while (received.get() <= i && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            }
            done.await(30, TimeUnit.SECONDS);
            t.join(TimeUnit.SECONDS.toMillis(10));
            System.out.println("received: " + received.get());
            System.out.println("parked-sends: " + parkedSends);
            System.out.println("max-registered: " + maxRegistered[0]);
            System.out.println("registered-after: " + reactor.registered());
        }
    }
}
