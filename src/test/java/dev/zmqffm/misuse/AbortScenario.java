package dev.zmqffm.misuse;

import static dev.zmqffm.misuse.Scenario.expect;
import static dev.zmqffm.misuse.Scenario.quiet;

import dev.zmqffm.Context;
import dev.zmqffm.ContextOptions;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;
import dev.zmqffm.ZmqException;
import java.util.List;

/**
 * Inputs that libzmq 4.3.4 accepts and aborts on later, each run in its own JVM by
 * {@code AbortTest}: without the binding's checks, each scenario's first step ends the process
 * (status 134, no {@code DONE}). Steps print as in {@link Scenario}.
 */
public final class AbortScenario {
    private AbortScenario() {}

    public static void main(String[] args) throws Throwable {
        switch (args[0]) {
            case "thread-options" -> threadOptions();
            case "remote-subscription" -> remoteSubscription(args[1], Integer.parseInt(args[2]));
            case "use-fd" -> useFd();
            case "socks-proxy" -> socksProxy();
            case "stream-inproc" -> streamInproc();
            case "pending-inproc" -> pendingInproc();
            case "inproc-types" -> inprocTypes();
            case "long-subscription" -> longSubscription();
            case "remote-subscription-proxy" -> remoteSubscriptionThroughProxy(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("DONE");
    }

    /** A context whose first socket must start (or be refused), then be usable. */
    private static void firstSocket(Context ctx) {
        try (Socket a = ctx.socket(SocketType.PAIR); Socket b = ctx.socket(SocketType.PAIR)) {
            b.connect(a.bind("tcp://127.0.0.1:*"));
            b.send("up");
            a.receiveString();
        }
    }

    /** thread.cpp:345 (pthread_setschedparam) and :372 (pthread_setaffinity_np) assert. */
    static void threadOptions() {
        int cpus = Runtime.getRuntime().availableProcessors();
        try (Context ctx = Context.create()) {
            expect("policy-99", IllegalArgumentException.class, () -> ctx.set(ContextOptions.THREAD_SCHED_POLICY, 99));
            expect("policy-deadline", IllegalArgumentException.class,
                    () -> ctx.set(ContextOptions.THREAD_SCHED_POLICY, 6));
            expect("priority-100", IllegalArgumentException.class, () -> ctx.set(ContextOptions.THREAD_PRIORITY, 100));
            expect("cpu-unavailable", IllegalArgumentException.class,
                    () -> ctx.set(ContextOptions.THREAD_AFFINITY_CPU_ADD, cpus + 7));
            expect("cpu-beyond-set", IllegalArgumentException.class,
                    () -> ctx.set(ContextOptions.THREAD_AFFINITY_CPU_ADD, 5000));
            expect("io-threads-huge", IllegalArgumentException.class,
                    () -> ctx.set(ContextOptions.IO_THREADS, 100_000));
            quiet("still-usable", () -> firstSocket(ctx));
        }
        try (Context ctx = Context.create()) {
            // SCHED_FIFO keeps the inherited priority 0, which FIFO does not allow: EINVAL.
            ctx.set(ContextOptions.THREAD_SCHED_POLICY, 1);
            expect("fifo-without-priority", ZmqException.class, () -> firstSocket(ctx));
            ctx.set(ContextOptions.THREAD_PRIORITY, 10);
            // Root may use real-time scheduling; anyone else gets EPERM, never an abort.
            try {
                firstSocket(ctx);
                System.out.println("fifo-with-priority: started");
            } catch (ZmqException e) {
                System.out.println("fifo-with-priority: refused " + e.errno());
            }
        }
        try (Context ctx = Context.create()) {
            ctx.set(ContextOptions.THREAD_AFFINITY_CPU_ADD, cpus - 1);
            quiet("cpu-allowed", () -> firstSocket(ctx));
        }
    }

    /**
     * A remote SUB (raw ZMTP over TCP) sends a subscription of {@code length} bytes to a
     * {@code type} publisher, then disconnects: libzmq's subscription trie recurses once per
     * byte, on the publishing thread's stack. The publisher must survive and keep serving a
     * well-behaved subscriber.
     */
    static void remoteSubscription(String type, int length) throws Exception {
        try (Context ctx = Context.create();
             Socket pub = ctx.socket(SocketType.valueOf(type));
             Socket sub = ctx.socket(SocketType.SUB)) {
            String endpoint = pub.bind("tcp://127.0.0.1:*");
            sub.subscribe("");
            sub.connect(endpoint);
            byte[] subscription = new byte[length + 1];
            subscription[0] = 1;                                             // 1 = subscribe
            java.util.Arrays.fill(subscription, 1, subscription.length, (byte) 'a');
            boolean dropped;
            try (dev.zmqffm.testing.RawZmtpPeer evil = dev.zmqffm.testing.RawZmtpPeer.connect(endpoint, "SUB")) {
                evil.sendFrame(subscription, false);
                long until = System.nanoTime() + 1_000_000_000L;
                while (System.nanoTime() < until) {
                    pub.send("tick", dev.zmqffm.SendFlags.DONT_WAIT);      // lets the publisher process it
                    if (type.equals("XPUB")) {
                        pub.receiveBytes(dev.zmqffm.ReceiveFlags.DONT_WAIT);
                    }
                    Thread.sleep(10);
                }
                dropped = evil.closedByPeer(500);
                if (!dropped) {
                    pub.close();                   // the publisher goes while the peer is still there
                    System.out.println("evil-peer: kept");
                    return;
                }
            }
            for (int i = 0; i < 50; i++) {                                   // after the disconnect too
                pub.send("tick", dev.zmqffm.SendFlags.DONT_WAIT);
                Thread.sleep(10);
            }
            System.out.println("evil-peer: " + (dropped ? "disconnected" : "kept"));
            pub.send("alive");
            String got;
            do {
                got = sub.receiveString(java.time.Duration.ofSeconds(5)).orElse("nothing");
            } while (got.equals("tick"));
            System.out.println("publisher: " + got);
        }
    }

    /**
     * The broker pattern: XPUB (remote subscribers) and XSUB (upstream publisher) joined by a
     * {@code Proxy}. A remote SUB's subscription goes on to the XSUB, whose trie recurses once per
     * byte on the proxy thread; its disconnect forwards the unsubscription.
     */
    static void remoteSubscriptionThroughProxy(int length) throws Exception {
        try (Context ctx = Context.create();
             Socket upstream = ctx.socket(SocketType.PUB);
             Socket xsub = ctx.socket(SocketType.XSUB);
             Socket xpub = ctx.socket(SocketType.XPUB);
             Socket sub = ctx.socket(SocketType.SUB)) {
            xsub.connect(upstream.bind("tcp://127.0.0.1:*"));
            String endpoint = xpub.bind("tcp://127.0.0.1:*");
            byte[] subscription = new byte[length + 1];
            subscription[0] = 1;
            java.util.Arrays.fill(subscription, 1, subscription.length, (byte) 'a');
            try (dev.zmqffm.Proxy proxy = dev.zmqffm.Proxy.start(xpub, xsub)) {
                boolean dropped;
                try (dev.zmqffm.testing.RawZmtpPeer evil = dev.zmqffm.testing.RawZmtpPeer.connect(endpoint, "SUB")) {
                    evil.sendFrame(subscription, false);
                    Thread.sleep(500);
                    dropped = evil.closedByPeer(500);
                }
                Thread.sleep(500);                                          // the unsubscription travels
                System.out.println("evil-peer: " + (dropped ? "disconnected" : "kept"));
                sub.subscribe("");
                sub.connect(endpoint);
                String got = "nothing";
                for (int i = 0; i < 100 && got.equals("nothing"); i++) {
                    upstream.send("alive");
                    got = sub.receiveString(java.time.Duration.ofMillis(50)).orElse("nothing");
                }
                System.out.println("broker: " + got);
            }
        }
    }

    /** trie.cpp recursion: a long prefix overflowed the stack on unsubscribe (or on a small stack, subscribe). */
    static void longSubscription() throws Exception {
        try (Context ctx = Context.create(); Socket sub = ctx.socket(SocketType.SUB);
             Socket xsub = ctx.socket(SocketType.XSUB)) {
            byte[] tooLong = new byte[100_000];
            expect("subscribe-100000", IllegalArgumentException.class, () -> sub.subscribe(tooLong));
            expect("unsubscribe-100000", IllegalArgumentException.class,
                    () -> sub.set(SocketOptions.UNSUBSCRIBE, tooLong));
            expect("subscribe-513", IllegalArgumentException.class, () -> sub.subscribe(new byte[513]));
            byte[] frame = new byte[100_001];
            java.util.Arrays.fill(frame, (byte) 'a');
            frame[0] = 1;
            expect("xsub-subscribe-frame", IllegalArgumentException.class, () -> xsub.send(frame));
            frame[0] = 0;
            expect("xsub-unsubscribe-frame", IllegalArgumentException.class,
                    () -> xsub.send(java.lang.foreign.MemorySegment.ofArray(frame), dev.zmqffm.SendFlags.NONE));
            try (dev.zmqffm.Message m = dev.zmqffm.Message.of(frame)) {
                expect("xsub-unsubscribe-message", IllegalArgumentException.class, () -> xsub.send(m));
            }
            frame[0] = 'd';
            quiet("xsub-data-frame", () -> xsub.send(frame, dev.zmqffm.SendFlags.DONT_WAIT));
        }
        // The longest allowed prefix, on the smallest stack a Java thread can have.
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try (Context ctx = Context.create(); Socket sub = ctx.socket(SocketType.SUB)) {
                byte[] longest = new byte[512];
                java.util.Arrays.fill(longest, (byte) 'x');
                sub.subscribe(longest);
                sub.set(SocketOptions.UNSUBSCRIBE, longest);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small-stack", 1);
        small.start();
        small.join();
        quiet("longest-on-smallest-stack", () -> Scenario.rethrow(failure));
        try (Context ctx = Context.create(); Socket pub = ctx.socket(SocketType.PUB);
             Socket xpub = ctx.socket(SocketType.XPUB)) {
            System.out.println("pub-maxmsgsize: " + pub.get(SocketOptions.MAXMSGSIZE));
            System.out.println("xpub-maxmsgsize: " + xpub.get(SocketOptions.MAXMSGSIZE));
            expect("pub-unlimited", IllegalArgumentException.class, () -> pub.set(SocketOptions.MAXMSGSIZE, -1L));
            expect("xpub-larger", IllegalArgumentException.class, () -> xpub.set(SocketOptions.MAXMSGSIZE, 1L << 20));
            quiet("xpub-smaller", () -> xpub.set(SocketOptions.MAXMSGSIZE, 100L));
        }
    }

    private static final java.lang.foreign.Linker LINKER = java.lang.foreign.Linker.nativeLinker();

    private static java.lang.invoke.MethodHandle libc(String name, java.lang.foreign.MemoryLayout... args) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(),
                java.lang.foreign.FunctionDescriptor.of(java.lang.foreign.ValueLayout.JAVA_INT, args));
    }

    private static final java.lang.foreign.ValueLayout INT = java.lang.foreign.ValueLayout.JAVA_INT;
    private static final java.lang.foreign.ValueLayout PTR = java.lang.foreign.ValueLayout.ADDRESS;

    /** A socket descriptor made with libc: {@code listen} says whether it gets to listen. */
    static int descriptor(int family, int type, boolean listen) throws Throwable {
        int fd = (int) libc("socket", INT, INT, INT).invokeExact(family, type, 0);
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            java.lang.foreign.MemorySegment address;
            if (family == 2) {                                      // sockaddr_in 127.0.0.1, port 0
                address = arena.allocate(16);
                address.set(java.lang.foreign.ValueLayout.JAVA_SHORT, 0, (short) 2);
                address.set(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, 4, Integer.reverseBytes(0x7F000001));
            } else {                                                // sockaddr_un, a fresh path
                address = arena.allocate(110);
                address.set(java.lang.foreign.ValueLayout.JAVA_SHORT, 0, (short) 1);
                java.nio.file.Path path = java.nio.file.Files.createTempDirectory("usefd").resolve("s");
                address.setString(2, path.toString());
            }
            if ((int) libc("bind", INT, PTR, INT).invokeExact(fd, address, (int) address.byteSize()) != 0) {
                throw new IllegalStateException("bind failed");
            }
        }
        if (listen && (int) libc("listen", INT, INT).invokeExact(fd, 16) != 0) {
            throw new IllegalStateException("listen failed");
        }
        return fd;
    }

    static void bindWithFd(Context ctx, int fd, String endpoint) {
        try (Socket rep = ctx.socket(SocketType.PULL)) {
            rep.set(SocketOptions.USE_FD, fd);
            rep.bind(endpoint);
        }
    }

    /** USE_FD with a descriptor that is not a listening socket: epoll/accept assertions at bind. */
    static void useFd() throws Throwable {
        try (Context ctx = Context.create()) {
            int file = (int) libc("open", PTR, INT).invokeExact(
                    java.lang.foreign.Arena.global().allocateFrom("/dev/null"), 0);
            expect("regular-file", IllegalArgumentException.class, () -> bindWithFd(ctx, file, "tcp://127.0.0.1:*"));
            expect("not-open", IllegalArgumentException.class, () -> bindWithFd(ctx, 1000, "tcp://127.0.0.1:*"));
            int idle = descriptor(2, 1, false);
            expect("not-listening", IllegalArgumentException.class, () -> bindWithFd(ctx, idle, "tcp://127.0.0.1:*"));
            int udp = descriptor(2, 2, false);
            expect("datagram", IllegalArgumentException.class, () -> bindWithFd(ctx, udp, "tcp://127.0.0.1:*"));
            int unix = descriptor(1, 1, true);
            expect("unix-for-tcp", IllegalArgumentException.class, () -> bindWithFd(ctx, unix, "tcp://127.0.0.1:*"));
            int tcp = descriptor(2, 1, true);
            expect("tcp-for-ipc", IllegalArgumentException.class, () -> bindWithFd(ctx, tcp, "ipc:///tmp/zmqffm-usefd"));
            // A real listening socket works: its own address is what the socket listens on.
            try (Socket pull = ctx.socket(SocketType.PULL); Socket push = ctx.socket(SocketType.PUSH)) {
                pull.set(SocketOptions.USE_FD, tcp);
                String bound = pull.bind("tcp://127.0.0.1:*");
                push.connect(bound);
                push.send("through the descriptor");
                System.out.println("listening: " + pull.receiveString(java.time.Duration.ofSeconds(5)).orElse("nothing"));
            }
            // One descriptor given to two listeners (or one libzmq already listens on): each
            // gets its own duplicate, so the first to close cannot pull it from under the other
            // (epoll.cpp:113, EBADF).
            int shared = descriptor(2, 1, true);
            Socket first = ctx.socket(SocketType.PULL);
            first.set(SocketOptions.USE_FD, shared);
            first.bind("tcp://127.0.0.1:*");
            try (Socket second = ctx.socket(SocketType.PULL)) {
                second.set(SocketOptions.USE_FD, shared);
                second.bind("tcp://127.0.0.1:*");
                first.close();
                System.out.println("use-fd-read-back: " + second.get(SocketOptions.USE_FD).equals(shared));
            }
            System.out.println("shared: closed both");
        }
    }

    /**
     * Pending inproc connects at termination: ctx.cpp:169 (no socket left to connect them up)
     * and pipe.cpp:87 (routing id into the pipe of a closing REP).
     */
    static void pendingInproc() throws Throwable {
        Context full = Context.create();
        full.set(ContextOptions.MAX_SOCKETS, 1);
        Socket only = full.socket(SocketType.PUSH);
        expect("connect-with-full-table", ZmqException.class, () -> only.connect("inproc://nobody"));
        only.connect("tcp://127.0.0.1:9");                                   // not inproc: no spare needed
        quiet("close-full", full::close);

        try (Context two = Context.create()) {
            two.set(ContextOptions.MAX_SOCKETS, 2);
            Socket push = two.socket(SocketType.PUSH);
            push.connect("inproc://nobody");
            push.send("queued for nobody");
            expect("socket-beyond-limit", ZmqException.class, () -> two.socket(SocketType.PULL));
        }
        System.out.println("limit-2: closed");

        for (int round = 0; round < 20; round++) {
            Context ctx = Context.create();
            List<Thread> workers = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(2);
            for (int i = 0; i < 2; i++) {
                Thread t = new Thread(() -> {
                    Socket rep = ctx.socket(SocketType.REP);
                    try {
                        rep.connect("inproc://not-yet-bound");
                        connected.countDown();
                        rep.receiveBytes();
                    } catch (dev.zmqffm.ContextTerminatedException expected) {
                        // shut down while waiting
                    } finally {
                        rep.close();
                    }
                });
                workers.add(t);
                t.start();
            }
            connected.await();
            ctx.shutdown();
            for (Thread t : workers) {
                t.join();
            }
            ctx.close();
        }
        System.out.println("two-reps: 20 rounds");

        try (Context ctx = Context.create()) {
            Socket rep = ctx.socket(SocketType.REP);
            rep.connect("inproc://later");
            rep.disconnect("inproc://later");
            rep.close();
            try (Socket pull = ctx.socket(SocketType.PULL); Socket push = ctx.socket(SocketType.PUSH)) {
                pull.bind("inproc://later");                                 // the endpoint is free
                push.connect("inproc://later");
                push.send("bound after all");
                System.out.println("later: " + pull.receiveString().orElse("nothing"));
            }
        }

        // More cycles than the socket table has slots: closed sockets whose pipes the resolver
        // took over must not keep their slots.
        try (Context ctx = Context.create()) {
            for (int i = 0; i < 3000; i++) {
                Socket push = ctx.socket(SocketType.PUSH);
                push.connect("inproc://cycle-" + (i % 3));
                if (i % 2 == 0) {
                    push.send("x");
                }
                push.close();
            }
            System.out.println("cycles: 3000");
        }
    }

    /**
     * pipe.cpp:87: a PAIR binding an endpoint where a REP or ROUTER waits terminates the pipe it
     * does not take, and libzmq then writes the PAIR's routing id into it; the same write meets
     * a REP that disconnected its pending connect. Also: resolving one socket's pending connect
     * must not take those of other sockets waiting for the same endpoint.
     */
    static void inprocTypes() throws Throwable {
        String[][] refused = {{"REP", "REP"}, {"PAIR", "REP"}, {"ROUTER", "ROUTER"}, {"REQ", "PULL"}};
        for (String[] waiting : refused) {
            try (Context ctx = Context.create()) {
                for (String type : waiting) {
                    ctx.socket(SocketType.valueOf(type)).connect("inproc://pair");
                }
                Socket pair = ctx.socket(SocketType.PAIR);
                expect("pair-binds-for-" + String.join("-", waiting), IllegalArgumentException.class,
                        () -> pair.bind("inproc://pair"));
            }
        }
        try (Context ctx = Context.create(); Socket pair = ctx.socket(SocketType.PAIR);
             Socket req = ctx.socket(SocketType.REQ); Socket rep = ctx.socket(SocketType.REP)) {
            pair.bind("inproc://bound-pair");
            expect("req-connects-to-pair", IllegalArgumentException.class, () -> req.connect("inproc://bound-pair"));
            rep.connect("inproc://self");
            expect("rep-binds-its-own-connect", IllegalArgumentException.class, () -> rep.bind("inproc://self"));
        }
        // Two REPs wait; a DEALER (a valid peer) binds: both are connected and answer.
        try (Context ctx = Context.create(); Socket a = ctx.socket(SocketType.REP); Socket b = ctx.socket(SocketType.REP);
             Socket dealer = ctx.socket(SocketType.DEALER)) {
            a.connect("inproc://reps");
            b.connect("inproc://reps");
            dealer.bind("inproc://reps");
            for (int i = 0; i < 2; i++) {
                dealer.send(new byte[0], dev.zmqffm.SendFlags.SEND_MORE);
                dealer.send("ping");
            }
            a.receiveString(java.time.Duration.ofSeconds(5)).ifPresent(m -> a.send("pong-a"));
            b.receiveString(java.time.Duration.ofSeconds(5)).ifPresent(m -> b.send("pong-b"));
            int replies = 0;
            for (int i = 0; i < 4; i++) {
                replies += dealer.receiveString(java.time.Duration.ofSeconds(5)).filter(f -> f.startsWith("pong")).isPresent() ? 1 : 0;
            }
            System.out.println("two-reps-then-dealer: " + replies + " replies");
        }
        // One of two waiting PULLs closes: the other still connects when the PUSH binds.
        try (Context ctx = Context.create(); Socket push = ctx.socket(SocketType.PUSH)) {
            Socket early = ctx.socket(SocketType.PULL);
            Socket stays = ctx.socket(SocketType.PULL);
            early.connect("inproc://workers");
            stays.connect("inproc://workers");
            early.close();
            push.bind("inproc://workers");
            // The closed socket's pipe is attached too until libzmq finishes closing it, and the
            // PUSH may load-balance a message into it (lost, as with any peer that goes away).
            for (int i = 0; i < 4; i++) {
                push.send("work");
            }
            System.out.println("other-waiter: " + stays.receiveString(java.time.Duration.ofSeconds(5)).orElse("lost"));
            stays.close();
        }
        // Closed while another waits, and nothing ever binds: the context still closes.
        Context lone = Context.create();
        Socket closedEarly = lone.socket(SocketType.REP);
        Socket waits = lone.socket(SocketType.REP);
        closedEarly.connect("inproc://never-bound");
        waits.connect("inproc://never-bound");
        closedEarly.close();
        waits.close();
        lone.close();
        System.out.println("closed-while-not-alone-never-bound: context closed");
        // A REP that is not alone cannot disconnect its pending connect; alone it can.
        try (Context ctx = Context.create(); Socket a = ctx.socket(SocketType.REP); Socket b = ctx.socket(SocketType.REP);
             Socket req = ctx.socket(SocketType.REQ)) {
            a.connect("inproc://pending-reps");
            b.connect("inproc://pending-reps");
            expect("rep-disconnects-not-alone", dev.zmqffm.SocketStateException.class,
                    () -> a.disconnect("inproc://pending-reps"));
            a.close();
            quiet("rep-disconnects-alone", () -> b.disconnect("inproc://pending-reps"));
            b.connect("inproc://pending-reps");
            req.bind("inproc://pending-reps");
            req.send("after");
            System.out.println("reconnected-rep: " + b.receiveString(java.time.Duration.ofSeconds(5)).orElse("lost"));
        }
        // ctx.cpp's zmq_assert (ok): a conflating pipe's close replaced the routing id the bind reads.
        for (String how : List.of("close", "disconnect")) {
            try (Context ctx = Context.create(); Socket other = ctx.socket(SocketType.PULL);
                 Socket push = ctx.socket(SocketType.PUSH)) {
                Socket conflating = ctx.socket(SocketType.PULL);
                conflating.set(SocketOptions.CONFLATE, true);
                other.connect("inproc://conflate");
                expect("conflate-pending-" + how, dev.zmqffm.SocketStateException.class,
                        () -> conflating.connect("inproc://conflate"));
                if (how.equals("close")) {
                    conflating.close();
                } else {
                    expect("conflate-refused-then-disconnect", ZmqException.class,
                            () -> conflating.disconnect("inproc://conflate"));   // ENOENT: it never connected
                    conflating.close();
                }
                push.bind("inproc://conflate");
                push.send("kept");
                System.out.println("conflate-" + how + "-then-bind: " + other.receiveString(java.time.Duration.ofSeconds(5)).orElse("lost"));
            }
        }
        try (Context ctx = Context.create(); Socket push = ctx.socket(SocketType.PUSH);
             Socket conflating = ctx.socket(SocketType.PULL)) {
            push.bind("inproc://conflate-bound");
            conflating.set(SocketOptions.CONFLATE, true);
            conflating.connect("inproc://conflate-bound");
            push.send("old");
            push.send("latest");
            Thread.sleep(50);
            System.out.println("conflate-bound: " + conflating.receiveString(java.time.Duration.ofSeconds(5)).orElse("lost"));
        }
        // zmq_unbind of an endpoint the socket connected to is a disconnect inside libzmq.
        try (Context ctx = Context.create(); Socket rep = ctx.socket(SocketType.REP); Socket req = ctx.socket(SocketType.REQ)) {
            rep.connect("inproc://unbind-connected");
            quiet("unbind-of-a-pending-connect", () -> rep.unbind("inproc://unbind-connected"));
            rep.close();
            req.bind("inproc://unbind-connected");
            System.out.println("unbind-then-close-then-bind: quiet");
        }
        // A PUSH that is not alone may disconnect (libzmq writes no routing id for it).
        try (Context ctx = Context.create(); Socket a = ctx.socket(SocketType.PUSH); Socket b = ctx.socket(SocketType.PUSH);
             Socket pull = ctx.socket(SocketType.PULL)) {
            a.connect("inproc://pushers");
            b.connect("inproc://pushers");
            quiet("push-disconnects-not-alone", () -> a.disconnect("inproc://pushers"));
            pull.bind("inproc://pushers");
            b.send("from-b");
            System.out.println("remaining-pusher: " + pull.receiveString(java.time.Duration.ofSeconds(5)).orElse("lost"));
        }
    }

    /** socks_connecter.cpp: a failed SOCKS handshake, then close: EBADF in epoll.cpp:113. */
    static void socksProxy() throws Exception {
        try (Context ctx = Context.create()) {
            for (int i = 0; i < 5; i++) {
                Socket s = ctx.socket(SocketType.REQ);
                expect("socks-proxy-" + i, UnsupportedOperationException.class,
                        () -> s.set(SocketOptions.SOCKS_PROXY, "127.0.0.1:9"));
                s.connect("tcp://127.0.0.1:9");
                Thread.sleep(50);
                s.close();
            }
            try (Socket s = ctx.socket(SocketType.REQ)) {
                System.out.println("no-proxy: '" + s.get(SocketOptions.SOCKS_PROXY) + "'");
            }
        }
    }

    /** stream.cpp:201: a multipart message from an inproc peer of a STREAM socket. */
    static void streamInproc() throws Exception {
        try (Context ctx = Context.create(); Socket stream = ctx.socket(SocketType.STREAM);
             Socket dealer = ctx.socket(SocketType.DEALER)) {
            expect("stream-bind-inproc", IllegalArgumentException.class, () -> stream.bind("inproc://stream-b"));
            expect("stream-connect-inproc", IllegalArgumentException.class, () -> stream.connect("inproc://stream"));
            // With the check removed, the STREAM connects and the DEALER's two-frame message aborts.
            dealer.bind("inproc://stream");
            try {
                stream.connect("inproc://stream");
            } catch (IllegalArgumentException refused) {
                // expected
            }
            dealer.send("a", dev.zmqffm.SendFlags.DONT_WAIT.and(dev.zmqffm.SendFlags.SEND_MORE));
            dealer.send("b", dev.zmqffm.SendFlags.DONT_WAIT);
            Thread.sleep(100);
            stream.receiveBytes(dev.zmqffm.ReceiveFlags.DONT_WAIT);
            System.out.println("stream-tcp: " + stream.bind("tcp://127.0.0.1:*").startsWith("tcp://"));
        }
    }
}
