package dev.zmqffm.misuse;

import dev.zmqffm.Context;
import dev.zmqffm.ContextTerminatedException;
import dev.zmqffm.CurveKey;
import dev.zmqffm.Message;
import dev.zmqffm.ReceiveFlags;
import dev.zmqffm.SendFlags;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Dangerous call sequences, each run in its own JVM by {@code MisuseTest}. Every scenario prints
 * one line per step, {@code step: ExceptionType}, and {@code DONE} at the end; an abort inside
 * libzmq would end the process with status 134 and no {@code DONE}.
 */
public final class Scenario {
    private Scenario() {}

    interface Step {
        void run() throws Throwable;
    }

    static void expect(String step, Class<? extends Throwable> expected, Step body) {
        try {
            body.run();
            System.out.println(step + ": no exception");
        } catch (Throwable t) {
            System.out.println(step + ": " + t.getClass().getSimpleName()
                    + (expected.isInstance(t) ? "" : " (UNEXPECTED, wanted " + expected.getSimpleName() + ")"));
            if (!expected.isInstance(t)) {
                t.printStackTrace(System.out);
            }
        }
    }

    /** Runs a step that must complete without any exception: prints {@code step: quiet} or the exception. */
    static void quiet(String step, Step body) {
        try {
            body.run();
            System.out.println(step + ": quiet");
        } catch (Throwable t) {
            System.out.println(step + ": " + t.getClass().getSimpleName() + " (UNEXPECTED, wanted none)");
            t.printStackTrace(System.out);
        }
    }

    public static void main(String[] args) throws Throwable {
        switch (args[0]) {
            case "socket-use-after-close" -> socketUseAfterClose();
            case "double-close" -> doubleClose();
            case "closed-message" -> closedMessage();
            case "sent-message" -> sentMessage();
            case "close-socket-while-blocked" -> closeSocketWhileBlocked();
            case "close-context-while-blocked" -> closeContextWhileBlocked();
            case "concurrent-use" -> concurrentUse();
            case "message-other-thread" -> messageOtherThread();
            case "zap-endpoint" -> zapEndpoint();
            case "bad-values" -> badValues();
            case "close-race" -> closeRace();
            case "monitor-wrong-order" -> monitorWrongOrder();
            case "proxy-wrong-order" -> proxyWrongOrder();
            case "poller-wrong-order" -> pollerWrongOrder();
            case "signals" -> signals();
            case "descriptors-exhausted" -> descriptorsExhausted();
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("DONE");
    }

    static void socketUseAfterClose() {
        try (Context ctx = Context.create()) {
            Socket s = ctx.socket(SocketType.PAIR);
            s.close();
            expect("send", IllegalStateException.class, () -> s.send("x"));
            expect("receive", IllegalStateException.class, s::receiveBytes);
            expect("bind", IllegalStateException.class, () -> s.bind("inproc://closed"));
            expect("option", IllegalStateException.class, () -> s.get(dev.zmqffm.SocketOptions.TYPE));
        }
    }

    static void doubleClose() {
        Context ctx = Context.create();
        Socket s = ctx.socket(SocketType.PUB);
        Message m = Message.of("x");
        s.close();
        quiet("socket", s::close);
        m.close();
        quiet("message", m::close);
        ctx.close();
        quiet("context", ctx::close);
    }

    static void closedMessage() {
        Message m = Message.of("payload");
        MemorySegment view = m.data();
        m.close();
        expect("view", IllegalStateException.class, () -> view.get(ValueLayout.JAVA_BYTE, 0));
        expect("size", IllegalStateException.class, m::size);
        expect("data", IllegalStateException.class, m::data);
        expect("more", IllegalStateException.class, m::more);
        expect("bytes", IllegalStateException.class, m::toByteArray);
    }

    static void sentMessage() {
        try (Context ctx = Context.create();
             Socket a = ctx.socket(SocketType.PAIR);
             Socket b = ctx.socket(SocketType.PAIR);
             Message m = Message.of("once")) {
            a.bind("inproc://sent");
            b.connect("inproc://sent");
            MemorySegment view = m.data();
            b.send(m);
            expect("view", IllegalStateException.class, () -> view.get(ValueLayout.JAVA_BYTE, 0));
            expect("size", IllegalStateException.class, m::size);
            expect("send-twice", IllegalStateException.class, () -> b.send(m));
            String first = a.receiveString().orElseThrow();
            // The peer had time to deliver a second frame if libzmq had sent one.
            boolean second = a.receiveBytes(java.time.Duration.ofMillis(200)).isPresent();
            System.out.println("received: " + first + (second ? " and a second frame" : ", nothing more"));
        }
    }

    static void closeSocketWhileBlocked() throws Exception {
        Context ctx = Context.create();
        Socket s = ctx.socket(SocketType.PULL);
        s.bind("inproc://blocked");
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> blocked = new AtomicReference<>();
        Thread t = new Thread(() -> {
            started.countDown();
            try {
                s.receiveBytes().orElseThrow();
            } catch (Throwable e) {
                blocked.set(e);
            } finally {
                s.close();
            }
        });
        t.start();
        started.await();
        Thread.sleep(300);
        expect("close", IllegalStateException.class, s::close);
        ctx.shutdown();
        t.join(5000);
        expect("blocked-thread", ContextTerminatedException.class, () -> {
            if (blocked.get() != null) {
                throw blocked.get();
            }
        });
        ctx.close();
    }

    static void closeContextWhileBlocked() throws Exception {
        Context ctx = Context.create();
        List<Thread> threads = new ArrayList<>();
        List<AtomicReference<Throwable>> outcomes = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(4);
        for (int i = 0; i < 4; i++) {
            Socket s = ctx.socket(i % 2 == 0 ? SocketType.REP : SocketType.SUB);
            s.bind("inproc://ctx-" + i);
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            outcomes.add(outcome);
            Thread t = new Thread(() -> {
                started.countDown();
                try {
                    s.receiveBytes().orElseThrow();
                } catch (Throwable e) {
                    outcome.set(e);
                }
            });
            threads.add(t);
            t.start();
        }
        started.await();
        Thread.sleep(300);
        long start = System.nanoTime();
        ctx.close();
        System.out.println("close-ms: " + (System.nanoTime() - start) / 1_000_000);
        for (int i = 0; i < threads.size(); i++) {
            threads.get(i).join(5000);
            int n = i;
            expect("thread-" + i, ContextTerminatedException.class, () -> {
                if (outcomes.get(n).get() != null) {
                    throw outcomes.get(n).get();
                }
            });
        }
    }

    static void concurrentUse() throws Exception {
        try (Context ctx = Context.create();
             Socket pull = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            pull.bind("inproc://hammer");
            push.connect("inproc://hammer");
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger sent = new AtomicInteger();
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(() -> {
                    for (int k = 0; k < 20_000; k++) {
                        try {
                            if (push.send("x", SendFlags.DONT_WAIT)) {
                                sent.incrementAndGet();
                            }
                        } catch (IllegalStateException e) {
                            refused.incrementAndGet();
                        } catch (Throwable e) {
                            unexpected.set(e);
                        }
                    }
                });
                threads.add(t);
                t.start();
            }
            Thread drain = new Thread(() -> {
                while (pull.receiveBytes(java.time.Duration.ofMillis(500)).isPresent()) {
                    // keep the queue moving
                }
            });
            drain.start();
            for (Thread t : threads) {
                t.join();
            }
            drain.join();
            System.out.println("sent=" + sent.get() + " refused=" + refused.get());
            expect("concurrent", IllegalStateException.class, () -> {
                if (unexpected.get() != null) {
                    throw unexpected.get();
                }
                throw new IllegalStateException(refused.get() > 0 ? "some calls refused" : "none refused");
            });
        }
    }

    static void messageOtherThread() throws Exception {
        Message m = Message.of("owned");
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                m.close();
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        t.start();
        t.join();
        expect("close-from-other-thread", WrongThreadException.class, () -> {
            if (outcome.get() != null) {
                throw outcome.get();
            }
        });
        m.close();
    }

    static void zapEndpoint() {
        try (Context ctx = Context.create(); Socket pub = ctx.socket(SocketType.PUB)) {
            expect("bind-zap-as-pub", IllegalArgumentException.class, () -> pub.bind("inproc://zeromq.zap.01"));
        }
    }

    static void badValues() {
        expect("z85-nul", IllegalArgumentException.class,
                () -> CurveKey.fromZ85("rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf\u0000"));
        try (Context ctx = Context.create(); Socket s = ctx.socket(SocketType.PULL)) {
            expect("port-99999", IllegalArgumentException.class, () -> s.bind("tcp://127.0.0.1:99999"));
            expect("port-minus-1", IllegalArgumentException.class, () -> s.bind("tcp://127.0.0.1:-1"));
            expect("string-option-nul", IllegalArgumentException.class,
                    () -> s.set(dev.zmqffm.SocketOptions.ZAP_DOMAIN, "a\u0000b"));
        }
    }

    static void closeRace() throws Exception {
        for (int round = 0; round < 30; round++) {
            Context ctx = Context.create();
            List<Thread> threads = new ArrayList<>();
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            for (int i = 0; i < 3; i++) {
                int id = i;
                Thread t = new Thread(() -> {
                    for (int k = 0; k < 50; k++) {
                        try {
                            Socket s = ctx.socket(SocketType.PAIR);
                            s.bind("inproc://race-" + id + "-" + k);
                            s.receiveBytes(java.time.Duration.ofMillis(1));
                            s.close();
                        } catch (IllegalStateException | ContextTerminatedException e) {
                            return;
                        } catch (Throwable e) {
                            unexpected.set(e);
                            return;
                        }
                    }
                });
                threads.add(t);
                t.start();
            }
            Thread.sleep(round % 5);
            ctx.close();
            for (Thread t : threads) {
                t.join();
            }
            if (unexpected.get() != null) {
                expect("round-" + round, IllegalStateException.class, () -> {
                    throw unexpected.get();
                });
            }
        }
        System.out.println("rounds: 30");
    }

    /** Runs {@code body} on a new thread and returns it started; the outcome lands in {@code into}. */
    static Thread background(AtomicReference<Throwable> into, Step body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                into.set(e);
            }
        });
        t.start();
        return t;
    }

    static void rethrow(AtomicReference<Throwable> outcome) throws Throwable {
        if (outcome.get() != null) {
            throw outcome.get();
        }
    }

    static void monitorWrongOrder() throws Exception {
        Context ctx = Context.create();
        Socket watched = ctx.socket(SocketType.ROUTER);
        dev.zmqffm.SocketMonitor monitor = dev.zmqffm.SocketMonitor.start(watched, dev.zmqffm.MonitorEvent.Type.ALL);
        AtomicReference<Throwable> reader = new AtomicReference<>();
        java.util.List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread t = background(reader, () -> {
            while (true) {
                seen.add(monitor.next().type().name());       // blocks; ends with ETERM
            }
        });
        watched.bind("tcp://127.0.0.1:*");
        Thread.sleep(200);
        expect("close-monitor-while-read", IllegalStateException.class, monitor::close);
        watched.close();                                    // the monitored socket goes first
        Thread.sleep(200);
        ctx.close();                                        // then the context, reader still blocked
        t.join(5000);
        System.out.println("seen: " + seen);
        expect("reader", ContextTerminatedException.class, () -> rethrow(reader));
        expect("close-monitor-after", IllegalStateException.class, () -> {
            monitor.close();
            monitor.close();
            throw new IllegalStateException("closed quietly");
        });
    }

    static void proxyWrongOrder() throws Exception {
        Context ctx = Context.create();
        Socket front = ctx.socket(SocketType.ROUTER);
        Socket back = ctx.socket(SocketType.DEALER);
        front.bind("tcp://127.0.0.1:*");
        back.bind("tcp://127.0.0.1:*");
        dev.zmqffm.Proxy proxy = dev.zmqffm.Proxy.start(front, back);
        expect("close-proxied-socket", IllegalStateException.class, front::close);
        long start = System.nanoTime();
        ctx.close();                                        // before terminating the proxy
        System.out.println("close-ms: " + (System.nanoTime() - start) / 1_000_000);
        expect("terminate-after", IllegalStateException.class, () -> {
            proxy.terminate();
            throw new IllegalStateException(proxy.isRunning() ? "still running" : "stopped");
        });
    }

    static void pollerWrongOrder() throws Exception {
        Context ctx = Context.create();
        Socket a = ctx.socket(SocketType.PULL);
        Socket b = ctx.socket(SocketType.SUB);
        a.bind("inproc://pa");
        b.bind("inproc://pb");
        AtomicReference<Throwable> poller = new AtomicReference<>();
        Thread t = background(poller, () -> {
            try (dev.zmqffm.Poller p = new dev.zmqffm.Poller()) {
                p.register(a, dev.zmqffm.PollEvent.IN);
                p.register(b, dev.zmqffm.PollEvent.IN);
                while (true) {
                    p.poll(dev.zmqffm.SocketOptions.INFINITE);
                }
            }
        });
        Thread.sleep(200);
        expect("close-polled-socket", IllegalStateException.class, a::close);
        long start = System.nanoTime();
        ctx.close();
        System.out.println("close-ms: " + (System.nanoTime() - start) / 1_000_000);
        t.join(5000);
        expect("poller", ContextTerminatedException.class, () -> rethrow(poller));
    }

    /**
     * Signals aimed at the thread blocked in libzmq (tgkill through FFM, with a Java handler
     * installed so the kernel interrupts the call with EINTR): timed calls must still wait their
     * whole timeout, blocking ones must keep waiting.
     */
    static void signals() throws Throwable {
        sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> { });
        java.lang.foreign.Linker linker = java.lang.foreign.Linker.nativeLinker();
        java.lang.invoke.MethodHandle syscall = linker.downcallHandle(
                linker.defaultLookup().find("syscall").orElseThrow(),
                java.lang.foreign.FunctionDescriptor.of(java.lang.foreign.ValueLayout.JAVA_LONG,
                        java.lang.foreign.ValueLayout.JAVA_LONG, java.lang.foreign.ValueLayout.JAVA_LONG,
                        java.lang.foreign.ValueLayout.JAVA_LONG, java.lang.foreign.ValueLayout.JAVA_LONG),
                java.lang.foreign.Linker.Option.firstVariadicArg(1));
        long pid = ProcessHandle.current().pid();
        try (Context ctx = Context.create(); Socket pull = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            pull.bind("inproc://signals");
            push.connect("inproc://signals");
            java.util.concurrent.atomic.AtomicLong tid = new java.util.concurrent.atomic.AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            java.util.List<String> results = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread t = background(failure, () -> {
                tid.set((long) syscall.invokeExact(186L, 0L, 0L, 0L));                   // gettid
                long start = System.nanoTime();
                boolean got = pull.receiveBytes(java.time.Duration.ofMillis(1500)).isPresent();
                results.add("timed: " + got + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
                pull.set(dev.zmqffm.SocketOptions.RCVTIMEO, java.time.Duration.ofMillis(1500));
                start = System.nanoTime();
                boolean none = pull.receiveBytes().isEmpty();
                results.add("rcvtimeo: " + none + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
                pull.set(dev.zmqffm.SocketOptions.RCVTIMEO, dev.zmqffm.SocketOptions.INFINITE);
                results.add("blocking: " + pull.receiveString().orElseThrow());
            });
            long deadline = System.nanoTime() + 5_000_000_000L;
            int sent = 0;
            while (System.nanoTime() < deadline) {
                if (tid.get() != 0) {
                    long rc = (long) syscall.invokeExact(234L, pid, tid.get(), 1L);      // tgkill(SIGHUP)
                    if (rc == 0) {
                        sent++;
                    }
                }
                Thread.sleep(50);
            }
            push.send("after the storm");
            t.join(10_000);
            System.out.println("signals sent: " + sent);
            results.forEach(System.out::println);
            expect("signals", IllegalStateException.class, () -> {
                rethrow(failure);
                throw new IllegalStateException("no failure");
            });
        }
    }

    /**
     * The first socket of a context with 0 to 6 file descriptors left: libzmq's reaper and I/O
     * threads assert that their epoll descriptors could be created (abort with 1-3 left).
     * Linux only: the soft limit is lowered with setrlimit, then filled with /dev/null channels.
     */
    static void descriptorsExhausted() throws Throwable {
        // Load everything the steps use while files can still be opened (a class is a file).
        try (Context warm = Context.create(); Socket s = warm.socket(SocketType.PAIR)) {
            s.bind("inproc://warm");
            expect("preload-failure", dev.zmqffm.AddressInUseException.class, () -> s.bind("inproc://warm"));
        }
        expect("preload", dev.zmqffm.ZmqException.class, () -> {
            throw new dev.zmqffm.ZmqException("preload", 24, "loaded");
        });
        java.lang.foreign.Linker linker = java.lang.foreign.Linker.nativeLinker();
        java.lang.invoke.MethodHandle setrlimit = linker.downcallHandle(
                linker.defaultLookup().find("setrlimit").orElseThrow(),
                java.lang.foreign.FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        long open;
        try (var entries = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
            open = entries.count();
        }
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment limits = arena.allocate(ValueLayout.JAVA_LONG, 2);
            limits.set(ValueLayout.JAVA_LONG, 0, open + 64);
            limits.set(ValueLayout.JAVA_LONG, 8, open + 64);
            if ((int) setrlimit.invokeExact(7, limits) != 0) {
                throw new IllegalStateException("setrlimit failed");
            }
        }
        List<java.nio.channels.FileChannel> filler = new ArrayList<>();
        java.nio.file.Path devNull = java.nio.file.Path.of("/dev/null");
        for (int left = 0; left <= 6; left++) {
            try {
                while (true) {
                    filler.add(java.nio.channels.FileChannel.open(devNull));
                }
            } catch (java.io.IOException full) {
                // every descriptor is taken now
            }
            for (int i = 0; i < left; i++) {
                filler.remove(filler.size() - 1).close();
            }
            expect("first-socket-with-" + left + "-free", dev.zmqffm.ZmqException.class, () -> {
                try (Context ctx = Context.create()) {
                    ctx.socket(SocketType.PAIR).close();
                }
            });
        }
        for (java.nio.channels.FileChannel channel : filler) {
            channel.close();
        }
        try (Context ctx = Context.create(); Socket a = ctx.socket(SocketType.PAIR);
             Socket b = ctx.socket(SocketType.PAIR)) {
            b.connect(a.bind("tcp://127.0.0.1:*"));
            b.send("again");
            System.out.println("recovered: " + a.receiveString().orElseThrow());
        }
    }
}
