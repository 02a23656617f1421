package dev.zmqffm.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The same measurements as {@link Perf} with JeroMQ (pure Java), both sides in one process:
 * {@code JeroPerf thr|lat ENDPOINT SIZE COUNT WARMUP}. JeroMQ's API is {@code byte[]}. Warmed
 * up exactly as {@link Perf} is: the same loops untimed over inproc, then a quiet JIT.
 */
public final class JeroPerf {
    private JeroPerf() {}

    public static void main(String[] args) throws Exception {
        PerfArgs a = PerfArgs.parse(args);
        try (ZContext ctx = new ZContext()) {
            run(ctx, a.throughput(), JitWarmUp.endpoint(a.endpoint()), JitWarmUp.size(a.size()),
                    JitWarmUp.count(a.throughput(), a.size()), 0);
            JitWarmUp.awaitQuietCompiler();
            Perf.report(a.throughput(), "bytes", a.size(), a.count(),
                    run(ctx, a.throughput(), a.endpoint(), a.size(), a.count(), a.warmup()));
        }
    }

    private static double run(ZContext ctx, boolean throughput, String endpoint, int size, int count, int warmup)
            throws InterruptedException {
        ZMQ.Socket server = ctx.createSocket(throughput ? SocketType.PULL : SocketType.REP);
        String bound = bind(server, endpoint);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch allReceived = new CountDownLatch(1);   // as in Perf: close after delivery
        Thread peer = new Thread(() -> {
            try {
                if (throughput) {
                    ZMQ.Socket push = ctx.createSocket(SocketType.PUSH);
                    push.setLinger(-1);
                    push.connect(bound);
                    byte[] payload = new byte[size];
                    for (int i = 0; i < warmup + count; i++) {
                        push.send(payload, 0);
                    }
                    allReceived.await();
                    ctx.destroySocket(push);
                } else {
                    for (int i = 0; i < warmup + count; i++) {
                        server.send(server.recv(0), 0);
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        peer.start();
        double value;
        try {
            if (throughput) {
                long start = 0;
                for (int i = 0; i < warmup + count; i++) {
                    if (i == warmup) {
                        start = System.nanoTime();
                    }
                    byte[] got = server.recv(0);
                    if (got.length != size) {
                        throw new IllegalStateException("wrong size " + got.length);
                    }
                }
                value = count / ((System.nanoTime() - start) / 1e9);
            } else {
                ZMQ.Socket req = ctx.createSocket(SocketType.REQ);
                req.connect(bound);
                byte[] payload = new byte[size];
                long start = 0;
                for (int i = 0; i < warmup + count; i++) {
                    if (i == warmup) {
                        start = System.nanoTime();
                    }
                    req.send(payload, 0);
                    req.recv(0);
                }
                value = (System.nanoTime() - start) / 1e3 / count / 2;
                ctx.destroySocket(req);
            }
        } finally {
            allReceived.countDown();      // also on failure: the peer must never wait forever
        }
        peer.join();
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        ctx.destroySocket(server);
        return value;
    }

    private static String bind(ZMQ.Socket socket, String endpoint) {
        if (endpoint.endsWith(":*")) {
            String host = endpoint.substring(0, endpoint.lastIndexOf(':'));
            return host + ":" + socket.bindToRandomPort(host);
        }
        socket.bind(endpoint);
        return endpoint;
    }
}
