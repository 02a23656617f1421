package dev.zmqffm.fuzz;

import dev.zmqffm.Context;
import dev.zmqffm.ContextOption;
import dev.zmqffm.ContextOptions;
import dev.zmqffm.CurveKey;
import dev.zmqffm.Message;
import dev.zmqffm.MonitorEvent;
import dev.zmqffm.PollEvent;
import dev.zmqffm.Poller;
import dev.zmqffm.Proxy;
import dev.zmqffm.ReceiveFlags;
import dev.zmqffm.SendFlags;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketMonitor;
import dev.zmqffm.SocketOption;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Random sequences over the public API, in a JVM of their own (run by {@code FuzzTest} and
 * {@code scripts/soak fuzz}). Each operation runs on a platform or a virtual thread and ends in
 * one of: success, a documented exception ({@link Documented}), an undocumented one (printed
 * with its stack and the seed), or a hang (no answer within {@link #OP_TIMEOUT_SECONDS}: the
 * JVM prints every thread and halts with status 3). JVM death is what the parent sees when no
 * {@code RESULT} line arrives.
 *
 * <pre>
 * java … dev.zmqffm.fuzz.Fuzzer SEED OPERATIONS
 * RESULT seed=42 ops=3000 success=… documented=… undocumented=0 hangs=0
 * </pre>
 *
 * The same seed replays the same choices; threads make the interleavings differ, which is the
 * point of running many seeds.
 */
public final class Fuzzer {
    static final int OP_TIMEOUT_SECONDS = 20;

    private final Random random;
    private final long seed;
    private final Payloads payloads;
    private final List<Context> contexts = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> endpoints = new CopyOnWriteArrayList<>();
    private final List<Poller> pollers = new CopyOnWriteArrayList<>();
    private final List<SocketMonitor> monitors = new CopyOnWriteArrayList<>();
    private final List<Proxy> proxies = new CopyOnWriteArrayList<>();
    private final List<Thread> blockers = new CopyOnWriteArrayList<>();
    private final Map<String, long[]> counts = new TreeMap<>();  // success, documented, undocumented
    private final ExecutorService platform = Executors.newFixedThreadPool(2);
    private final ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
    private long undocumented;

    private Fuzzer(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.payloads = new Payloads(random);
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        long ops = Long.parseLong(args[1]);
        Fuzzer f = new Fuzzer(seed);
        f.run(ops);
    }

    private interface Op {
        void run() throws Throwable;
    }

    private record Action(String method, Op op) {}

    private void run(long ops) throws Exception {
        for (long i = 0; i < ops; i++) {
            Action a = next();
            execute(i, a, random.nextInt(3) == 0 ? virtual : platform);
            if (contexts.size() > 3 || sockets.size() > 24 || i % 500 == 499) {
                execute(i, new Action("Context.close", this::closeOldestContext), platform);
            }
        }
        // Everything must come apart cleanly, blocked threads included.
        for (Context c : contexts) {
            execute(ops, new Action("Context.close", c::close), platform);
        }
        for (Thread t : blockers) {
            t.join(TimeUnit.SECONDS.toMillis(OP_TIMEOUT_SECONDS));
            if (t.isAlive()) {
                hang(ops, "blocked thread " + t.getName() + " not released by Context.close");
            }
        }
        for (Poller p : pollers) {
            execute(ops, new Action("Poller.close", p::close), platform);
        }
        platform.shutdown();
        virtual.shutdown();
        long[] total = new long[3];
        counts.forEach((k, v) -> {
            System.out.println("  " + k + " success=" + v[0] + " documented=" + v[1] + " undocumented=" + v[2]);
            for (int j = 0; j < 3; j++) {
                total[j] += v[j];
            }
        });
        System.out.println("RESULT seed=" + seed + " ops=" + ops + " success=" + total[0] + " documented=" + total[1]
                + " undocumented=" + total[2] + " hangs=0");
        payloads.close();
        System.exit(0);
    }

    private static final boolean TRACE = Boolean.getBoolean("zmqffm.fuzz.trace");

    private void execute(long step, Action a, ExecutorService on) throws InterruptedException {
        if (TRACE) {
            System.out.println("step " + step + " " + a.method);
            System.out.flush();
        }
        Future<Throwable> f = on.submit(() -> {
            try {
                a.op.run();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Throwable outcome;
        try {
            outcome = f.get(OP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            hang(step, a.method);
            return;
        } catch (java.util.concurrent.ExecutionException e) {
            outcome = e.getCause();
        }
        long[] c = counts.computeIfAbsent(a.method, k -> new long[3]);
        if (outcome == null) {
            c[0]++;
        } else if (Documented.covers(a.method, outcome)) {
            c[1]++;
        } else {
            c[2]++;
            if (undocumented++ < 20) {
                System.out.println("UNDOCUMENTED seed=" + seed + " step=" + step + " " + a.method + ": " + outcome);
                outcome.printStackTrace(System.out);
            }
        }
    }

    private static void trace(Socket s, String what) {
        if (TRACE) {
            System.out.println("  socket@" + Integer.toHexString(System.identityHashCode(s)) + " " + s.type() + " " + what);
        }
    }

    private void hang(long step, String what) {
        System.out.println("HANG seed=" + seed + " step=" + step + " " + what);
        // Every thread, virtual ones included (Thread.getAllStackTraces() leaves them out, and
        // the operation that hangs may run on one).
        try {
            java.nio.file.Path dump = java.nio.file.Files.createTempFile("zmqffm-fuzz-hang", ".txt");
            java.nio.file.Files.delete(dump);
            java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            System.out.println(java.nio.file.Files.readString(dump));
            java.nio.file.Files.delete(dump);
        } catch (java.io.IOException e) {
            System.out.println("no thread dump: " + e);
        }
        System.out.flush();
        Runtime.getRuntime().halt(3);
    }

    // --- choosing ------------------------------------------------------------------------

    private <T> Optional<T> any(List<T> list) {
        int n = list.size();
        if (n == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(list.get(random.nextInt(n)));
        } catch (IndexOutOfBoundsException raced) {
            return Optional.empty();
        }
    }

    private Socket socket() {
        return any(sockets).orElse(null);
    }

    private Duration duration() {
        return switch (random.nextInt(8)) {
            case 0 -> Duration.ZERO;
            case 1 -> Duration.ofNanos(1);
            case 2 -> Duration.ofMillis(2);
            case 3 -> Duration.ofMillis(-1);
            case 4 -> SocketOptions.INFINITE;
            case 5 -> Duration.ofDays(365L * 10_000);
            case 6 -> Duration.ofMillis(Integer.MAX_VALUE);
            default -> Duration.ofMillis(random.nextInt(5));
        };
    }

    /**
     * A linger, never an infinite or days-long one: with those, closing a context waits for
     * undeliverable messages as documented (SocketOptions.LINGER, Context.setDefaultLinger), and
     * the fuzzer would report its own choice as a hang.
     */
    private Duration linger() {
        Duration d = duration();
        return d.equals(SocketOptions.INFINITE) || d.equals(Duration.ofMillis(Integer.MAX_VALUE)) ? Duration.ofMillis(20) : d;
    }

    /** A wait that ends soon: the fuzzer must not wait forever by itself. */
    private Duration shortWait() {
        return random.nextInt(10) == 0 ? Duration.ofMillis(-1) : Duration.ofMillis(random.nextInt(4));
    }

    private String endpoint() {
        if (!endpoints.isEmpty() && random.nextInt(3) > 0) {
            return any(endpoints).orElse("inproc://f0");
        }
        return switch (random.nextInt(12)) {
            case 0, 1 -> "tcp://127.0.0.1:*";
            case 2 -> "ipc:///tmp/zmqffm-fuzz-" + ProcessHandle.current().pid() + "-" + random.nextInt(3);
            case 3 -> "tcp://127.0.0.1:99999";
            case 4 -> "nonsense";
            case 5 -> "inproc://zeromq.zap.01";
            case 6 -> "tcp://127.0.0.1:9";
            case 7 -> "inproc://a\u0000b";
            default -> "inproc://f" + random.nextInt(4);
        };
    }

    private static final List<ContextOption<?>> CONTEXT_OPTIONS = constants(ContextOptions.class, ContextOption.class);
    private static final List<SocketOption<?>> SOCKET_OPTIONS = SocketOptions.all();

    @SuppressWarnings("unchecked")
    private static <T> List<T> constants(Class<?> holder, Class<?> type) {
        List<T> all = new ArrayList<>();
        for (Field f : holder.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && type.isAssignableFrom(f.getType())) {
                try {
                    all.add((T) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return all;
    }

    private int contextValue() {
        int[] values = {-1, 0, 1, 2, 3, 5, 6, 7, 99, 100, 1023, 1024, 1025, Integer.MAX_VALUE, Integer.MIN_VALUE};
        return values[random.nextInt(values.length)];
    }

    /** A value of the option's type, boundaries and out-of-range ones included. */
    private Object socketValue(SocketOption<?> option) {
        Class<?> type = option.type();
        if (type == Integer.class) {
            int[] v = {-2, -1, 0, 1, 2, 255, 1000, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE};
            return v[random.nextInt(v.length)];
        }
        if (type == Long.class) {
            long[] v = {-2, -1, 0, 1, 3, 513, 514, 1L << 33, Long.MAX_VALUE, Long.MIN_VALUE};
            return v[random.nextInt(v.length)];
        }
        if (type == Boolean.class) {
            return random.nextBoolean();
        }
        if (type == Duration.class) {
            return option == SocketOptions.LINGER ? linger() : duration();
        }
        if (type == byte[].class) {
            int[] sizes = {0, 1, 5, 255, 256, 512, 513, 100_000};
            byte[] b = new byte[sizes[random.nextInt(sizes.length)]];
            random.nextBytes(b);
            if (random.nextBoolean() && b.length > 0) {
                b[0] = (byte) (1 + random.nextInt(100));
            }
            return b;
        }
        if (type == String.class) {
            String[] v = {"", "abc", "lo", "a\u0000b", "x".repeat(300), "127.0.0.1:1080", "\u00e9t\u00e9"};
            return v[random.nextInt(v.length)];
        }
        if (type == CurveKey.class) {
            return CurveKey.generateKeyPair().publicKey();
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Action next() {
        int pick = random.nextInt(100);
        Socket s = socket();
        if (pick < 4 || contexts.isEmpty()) {
            return random.nextBoolean() ? new Action("Context.create", () -> contexts.add(Context.create()))
                    : new Action("Context.create(int)", () -> contexts.add(Context.create(random.nextInt(4) - 1)));
        }
        Context ctx = any(contexts).orElse(contexts.isEmpty() ? null : contexts.get(0));
        if (ctx == null) {
            return new Action("Context.create", () -> contexts.add(Context.create()));
        }
        if (pick < 7) {
            ContextOption o = CONTEXT_OPTIONS.get(random.nextInt(CONTEXT_OPTIONS.size()));
            int v = contextValue();
            Object value = o.type() == Boolean.class ? (Object) (v > 0) : (Object) v;
            return new Action("Context.set", () -> ctx.set(o, value));
        }
        if (pick < 9) {
            ContextOption o = CONTEXT_OPTIONS.get(random.nextInt(CONTEXT_OPTIONS.size()));
            return new Action("Context.get", () -> ctx.get(o));
        }
        if (pick < 10) {
            Duration d = linger();
            return new Action("Context.setDefaultLinger", () -> ctx.setDefaultLinger(d));
        }
        if (pick < 11) {
            return new Action("Context.shutdown", () -> {
                if (TRACE) {
                    System.out.println("  ctx@" + Integer.toHexString(System.identityHashCode(ctx)) + " shutdown");
                }
                ctx.shutdown();
            });
        }
        if (pick < 20 || s == null) {
            SocketType[] types = SocketType.values();
            SocketType type = types[random.nextInt(types.length)];
            return new Action("Context.socket", () -> {
                Socket created = ctx.socket(type);
                trace(created, "created in ctx@" + Integer.toHexString(System.identityHashCode(ctx)));
                sockets.add(created);
            });
        }
        if (pick < 24) {
            String e = endpoint();
            return new Action("Socket.bind", () -> {
                trace(s, "bind " + e);
                endpoints.add(s.bind(e));
            });
        }
        if (pick < 29) {
            String e = endpoint();
            return new Action("Socket.connect", () -> {
                trace(s, "connect " + e);
                s.connect(e);
            });
        }
        if (pick < 30) {
            String e = endpoint();
            return random.nextBoolean() ? new Action("Socket.unbind", () -> {
                trace(s, "unbind " + e);
                s.unbind(e);
            }) : new Action("Socket.disconnect", () -> {
                trace(s, "disconnect " + e);
                s.disconnect(e);
            });
        }
        if (pick < 37) {
            SocketOption o = SOCKET_OPTIONS.get(random.nextInt(SOCKET_OPTIONS.size()));
            Object v = socketValue(o);
            return v == null ? new Action("Socket.get", () -> s.get(o)) : new Action("Socket.set", () -> {
                trace(s, "set " + o + " " + (v instanceof byte[] b ? "bytes[" + b.length + "]" : v));
                s.set(o, v);
            });
        }
        if (pick < 40) {
            SocketOption o = SOCKET_OPTIONS.get(random.nextInt(SOCKET_OPTIONS.size()));
            return new Action("Socket.get", () -> s.get(o));
        }
        if (pick < 41) {
            byte[] prefix = (byte[]) socketValue(SocketOptions.SUBSCRIBE);
            return new Action("Socket.subscribe", () -> s.subscribe(prefix));
        }
        if (pick < 55) {
            return sendAction(s);
        }
        if (pick < 68) {
            return receiveAction(s);
        }
        if (pick < 72) {
            return messageAction(s);
        }
        if (pick < 78) {
            return pollerAction(s);
        }
        if (pick < 81) {
            return monitorAction(s);
        }
        if (pick < 83) {
            Socket other = socket();
            return new Action("Proxy.start", () -> proxies.add(Proxy.start(s, other)));
        }
        if (pick < 84) {
            Optional<Proxy> p = any(proxies);
            return new Action("Proxy.terminate", () -> {
                if (p.isPresent()) {
                    p.get().terminate();
                    proxies.remove(p.get());
                }
            });
        }
        if (pick < 87) {
            return blockAction(s);
        }
        if (pick < 93) {
            return new Action("Socket.close", () -> {
                trace(s, "close");
                s.close();
                sockets.remove(s);
            });
        }
        return new Action("Socket.hasMore", s::hasMore);
    }

    private Action sendAction(Socket s) {
        // Never a send that may wait forever by design: the blocking forms are blockAction's.
        SendFlags flags = random.nextInt(4) == 0 ? SendFlags.DONT_WAIT.and(SendFlags.SEND_MORE) : SendFlags.DONT_WAIT;
        return switch (random.nextInt(8)) {
            case 0 -> {
                byte[] data = payloads.bytes();
                yield new Action("Socket.send(byte[])", () -> s.send(data, flags));
            }
            case 1 -> {
                byte[] data = payloads.bytes();
                int off = random.nextInt(data.length + 3) - 1;
                int len = random.nextInt(data.length + 3) - 1;
                yield new Action("Socket.send(byte[],int,int)", () -> s.send(data, off, len, flags));
            }
            case 2 -> {
                byte[] data = payloads.bytes();
                Duration d = shortWait();
                yield new Action("Socket.send(byte[],Duration)", () -> s.send(data, d));
            }
            case 3 -> new Action("Socket.send(MemorySegment)", () -> s.send(payloads.segment(), flags));
            case 4 -> new Action("Socket.send(ByteBuffer)", () -> s.send(payloads.buffer(), flags));
            case 5 -> new Action("Socket.send(Message)", () -> {
                try (Message m = random.nextBoolean() ? Message.of(payloads.bytes()) : Message.copyOf(payloads.segment())) {
                    s.send(m, flags);
                }
            });
            case 6 -> {
                Duration d = shortWait();
                yield new Action("Socket.send(String,Duration)", () -> s.send("text", d));
            }
            default -> new Action("Socket.send(String)", () -> s.send("text \u00e9", flags));
        };
    }

    private Action receiveAction(Socket s) {
        return switch (random.nextInt(7)) {
            case 0 -> new Action("Socket.receiveBytes", () -> s.receiveBytes(ReceiveFlags.DONT_WAIT));
            case 1 -> {
                Duration d = shortWait();
                yield new Action("Socket.receiveBytes(Duration)", () -> s.receiveBytes(d));
            }
            case 2 -> new Action("Socket.receive(MemorySegment)", () -> s.receive(payloads.target(), ReceiveFlags.DONT_WAIT));
            case 3 -> new Action("Socket.receive(ByteBuffer)", () -> s.receive(payloads.targetBuffer(), ReceiveFlags.DONT_WAIT));
            case 4 -> new Action("Socket.receive(byte[])", () -> s.receive(new byte[random.nextInt(3) * 5000], ReceiveFlags.DONT_WAIT));
            case 5 -> new Action("Socket.receive(Message)", () -> {
                try (Message m = new Message()) {
                    if (s.receive(m, ReceiveFlags.DONT_WAIT)) {
                        m.size();
                        m.data();
                        m.more();
                        m.property("Socket-Type");
                    }
                }
            });
            default -> new Action("Socket.receiveMultipart", () -> s.receiveMultipart(Duration.ofMillis(1)));
        };
    }

    private Action messageAction(Socket s) {
        long[] sizes = {-1, 0, 1, 33, 8192, 1 << 20, Long.MAX_VALUE};
        long size = sizes[random.nextInt(sizes.length)];
        return switch (random.nextInt(5)) {
            case 0 -> new Action("Message.allocate", () -> {
                try (Message m = Message.allocate(size)) {
                    m.data();
                }
            });
            case 1 -> {
                long offset = random.nextInt(40) - 5;
                yield new Action("Message.copyFrom", () -> {
                    try (Message m = Message.allocate(32)) {
                        m.copyFrom(payloads.segment(), offset);
                    }
                });
            }
            case 2 -> new Action("Message.copyTo", () -> {
                try (Message m = Message.of(payloads.bytes())) {
                    m.copyTo(payloads.target());
                }
            });
            case 3 -> new Action("Socket.send(Message.wrap)", () -> {
                // Zero-copy from caller memory: the segment must outlive libzmq's use of it.
                java.lang.foreign.MemorySegment data = java.lang.foreign.Arena.ofAuto().allocate(2048);
                try (Message m = Message.wrap(data)) {
                    s.send(m, SendFlags.DONT_WAIT);
                }
            });
            default -> new Action("Message.close", () -> {
                Message m = Message.of("closed");
                m.close();
                m.close();
                m.size();                                          // IllegalStateException
            });
        };
    }

    private Action pollerAction(Socket s) {
        Optional<Poller> p = any(pollers);
        return switch (random.nextInt(4)) {
            case 0 -> new Action("Poller.new", () -> {
                if (pollers.size() < 3) {
                    pollers.add(new Poller());
                }
            });
            case 1 -> new Action("Poller.register", () -> {
                if (p.isPresent()) {
                    p.get().register(s, random.nextBoolean() ? PollEvent.IN : PollEvent.OUT);
                }
            });
            case 2 -> {
                int index = random.nextInt(6) - 1;
                yield new Action("Poller.unregister", () -> {
                    if (p.isPresent()) {
                        p.get().unregister(index);
                    }
                });
            }
            default -> {
                Duration d = shortWait();
                yield new Action("Poller.poll(Duration)", () -> {
                    if (p.isPresent()) {
                        p.get().poll(d);
                    }
                });
            }
        };
    }

    private Action monitorAction(Socket s) {
        Optional<SocketMonitor> m = any(monitors);
        return switch (random.nextInt(3)) {
            case 0 -> new Action("SocketMonitor.start", () -> {
                if (monitors.size() < 3) {
                    trace(s, "monitor");
                    monitors.add(SocketMonitor.start(s, MonitorEvent.Type.ALL));
                }
            });
            case 1 -> new Action("SocketMonitor.next", () -> {
                if (m.isPresent()) {
                    m.get().next(Duration.ofMillis(1));
                }
            });
            default -> new Action("SocketMonitor.close", () -> {
                if (m.isPresent()) {
                    m.get().close();
                    monitors.remove(m.get());
                }
            });
        };
    }

    /**
     * A thread (platform or virtual) that blocks in a receive, send or poll without a timeout,
     * until something ends it: a message, or its context shutting down or closing.
     */
    private Action blockAction(Socket s) {
        boolean onVirtual = random.nextBoolean();
        int kind = random.nextInt(3);
        return new Action("Socket.block", () -> {
            if (blockers.stream().filter(Thread::isAlive).count() >= 6) {
                return;
            }
            Runnable body = () -> {
                try {
                    switch (kind) {
                        case 0 -> s.receiveBytes();
                        case 1 -> s.send(new byte[16]);
                        default -> {
                            try (Poller p = new Poller()) {
                                p.register(s, PollEvent.IN);
                                p.poll(SocketOptions.INFINITE);
                            }
                        }
                    }
                } catch (RuntimeException expected) {
                    // classified by the step that released it; here only the release matters
                }
            };
            Thread t = onVirtual ? Thread.ofVirtual().unstarted(body) : Thread.ofPlatform().daemon().unstarted(body);
            blockers.add(t);
            t.start();
        });
    }

    private void closeOldestContext() {
        if (contexts.isEmpty()) {
            return;
        }
        Context c = contexts.remove(0);
        if (TRACE) {
            System.out.println("  ctx@" + Integer.toHexString(System.identityHashCode(c)) + " close");
        }
        c.close();
        sockets.removeIf(Socket::isClosed);
        proxies.removeIf(p -> !p.isRunning());
    }
}
