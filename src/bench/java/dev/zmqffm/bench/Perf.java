package dev.zmqffm.bench;

import dev.zmqffm.Context;
import dev.zmqffm.Message;
import dev.zmqffm.ReceiveFlags;
import dev.zmqffm.SendFlags;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * zmq-ffm's perf tools, in the style of libzmq's {@code local_thr}/{@code remote_thr} and
 * {@code local_lat}/{@code remote_lat}:
 *
 * <pre>
 * Perf local_thr  ENDPOINT SIZE COUNT WARMUP API   # PULL binds, times first to last message
 * Perf remote_thr ENDPOINT SIZE COUNT WARMUP API   # PUSH connects, sends WARMUP+COUNT messages
 * Perf local_lat  ENDPOINT SIZE COUNT WARMUP API   # REP binds and echoes
 * Perf remote_lat ENDPOINT SIZE COUNT WARMUP API   # REQ connects, times COUNT round trips
 * Perf thr|lat    ENDPOINT SIZE COUNT WARMUP API   # both sides in this process (needed for inproc)
 * </pre>
 *
 * API is {@code msg} (a reused {@link Message}: {@code rebuild} + send, receive into it) or
 * {@code bytes} ({@code send(byte[])}, {@code receive(byte[], flags)} into a reused array — the
 * same shape as C's {@code zmq_send}/{@code zmq_recv} with a buffer). In the one-process modes the
 * same loops first run untimed over inproc (200,000 messages or 20,000 round trips) and the tool
 * waits for the JIT compiler to go quiet, so the timed run measures compiled code; WARMUP messages
 * on the measured connection are then sent untimed as for C. The measuring side prints one
 * line: {@code RESULT kind=thr api=msg size=64 count=100000 value=...} where value is messages per
 * second for throughput and one-way latency in microseconds for latency.
 */
public final class Perf {
    private Perf() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String endpoint = args[1];
        int size = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        boolean msgApi = args[5].equals("msg");
        try (Context ctx = Context.create()) {
            switch (mode) {
                case "local_thr" -> localThr(ctx, endpoint, size, count, warmup, msgApi);
                case "remote_thr" -> remoteThr(ctx, endpoint, size, count, warmup, msgApi, null);
                case "local_lat" -> localLat(ctx, endpoint, size, count, warmup, msgApi);
                case "remote_lat" -> report(false, msgApi, size, count,
                        remoteLat(ctx, endpoint, size, count, warmup, msgApi));
                case "thr", "lat" -> {
                    boolean throughput = mode.equals("thr");
                    // Compiled code is what a long-running program runs: exercise the same loops
                    // untimed over inproc first, then let the JIT finish before measuring.
                    inProcess(ctx, JitWarmUp.endpoint(endpoint), JitWarmUp.size(size), JitWarmUp.count(throughput, size),
                            0, msgApi, throughput);
                    JitWarmUp.awaitQuietCompiler();
                    report(throughput, msgApi, size, count,
                            inProcess(ctx, endpoint, size, count, warmup, msgApi, throughput));
                }
                default -> throw new IllegalArgumentException(mode);
            }
        }
    }

    private static void report(boolean throughput, boolean msgApi, int size, int count, double value) {
        report(throughput, msgApi ? "msg" : "bytes", size, count, value);
    }

    /** Prints the one RESULT line that {@code scripts/bench} reads (also for {@link JeroPerf}). */
    static void report(boolean throughput, String api, int size, int count, double value) {
        System.out.printf(throughput ? "RESULT kind=thr api=%s size=%d count=%d value=%.1f%n"
                : "RESULT kind=lat api=%s size=%d count=%d value=%.3f%n", api, size, count, value);
    }

    private static double inProcess(Context ctx, String endpoint, int size, int count, int warmup, boolean msgApi,
                                    boolean throughput) throws Exception {
        Socket server = ctx.socket(throughput ? SocketType.PULL : SocketType.REP);
        String bound = server.bind(endpoint);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch allReceived = new CountDownLatch(1);
        Thread peer = new Thread(() -> {
            try {
                if (throughput) {
                    remoteThr(ctx, bound, size, count, warmup, msgApi, allReceived);
                } else {
                    serveLat(server, size, count + warmup, msgApi);
                }
            } catch (Throwable e) {
                failure.set(e);
                ctx.shutdown();               // unblock the measuring side instead of hanging
            }
        });
        peer.start();
        double value;
        try {
            value = throughput ? measureThr(server, size, count, warmup, msgApi)
                    : remoteLat(ctx, bound, size, count, warmup, msgApi);
        } catch (dev.zmqffm.ContextTerminatedException e) {
            peer.join();
            throw new IllegalStateException("the peer thread failed", failure.get());
        } finally {
            allReceived.countDown();      // also on failure: the peer must never wait forever
        }
        peer.join();
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        server.close();
        return value;
    }

    private static void localThr(Context ctx, String endpoint, int size, int count, int warmup,
                                 boolean msgApi) {
        try (Socket pull = ctx.socket(SocketType.PULL)) {
            pull.set(SocketOptions.RCVHWM, 1000);
            pull.bind(endpoint);
            report(true, msgApi, size, count, measureThr(pull, size, count, warmup, msgApi));
        }
    }

    private static double measureThr(Socket pull, int size, int count, int warmup, boolean msgApi) {
        long start = 0;
        if (msgApi) {
            try (Message msg = new Message()) {
                for (int i = 0; i < warmup + count; i++) {
                    if (i == warmup) {
                        start = System.nanoTime();
                    }
                    pull.receive(msg);
                    if (msg.size() != size) {
                        throw new IllegalStateException("message of the wrong size " + msg.size());
                    }
                }
            }
        } else {
            byte[] buffer = new byte[size];
            for (int i = 0; i < warmup + count; i++) {
                if (i == warmup) {
                    start = System.nanoTime();
                }
                int got = pull.receive(buffer, ReceiveFlags.NONE);
                if (got != size) {
                    throw new IllegalStateException("message of the wrong size " + got);
                }
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Sends WARMUP+COUNT messages. With {@code allReceived}, the socket closes only once the
     * receiver has them all: libzmq 4.3 can drop the last queued messages when a socket closes
     * right after sending over ipc, linger or not (libzmq issue 4660); a separate-process
     * {@code remote_thr} relies on the linger alone.
     */
    private static void remoteThr(Context ctx, String endpoint, int size, int count, int warmup, boolean msgApi,
                                  CountDownLatch allReceived) throws InterruptedException {
        try (Socket push = ctx.socket(SocketType.PUSH)) {
            push.set(SocketOptions.SNDHWM, 1000);
            push.set(SocketOptions.LINGER, SocketOptions.INFINITE);   // every message must arrive
            push.connect(endpoint);
            if (msgApi) {
                try (Message msg = new Message()) {
                    for (int i = 0; i < warmup + count; i++) {
                        msg.rebuild(size);
                        push.send(msg);
                    }
                }
            } else {
                byte[] payload = new byte[size];
                for (int i = 0; i < warmup + count; i++) {
                    push.send(payload);
                }
            }
            if (allReceived != null) {
                allReceived.await();
            }
        }
    }

    private static void localLat(Context ctx, String endpoint, int size, int count, int warmup,
                                 boolean msgApi) {
        try (Socket rep = ctx.socket(SocketType.REP)) {
            rep.bind(endpoint);
            serveLat(rep, size, count + warmup, msgApi);
        }
    }

    private static void serveLat(Socket rep, int size, int roundTrips, boolean msgApi) {
        if (msgApi) {
            try (Message msg = new Message()) {
                for (int i = 0; i < roundTrips; i++) {
                    rep.receive(msg);
                    rep.send(msg);
                }
            }
        } else {
            byte[] buffer = new byte[size];
            for (int i = 0; i < roundTrips; i++) {
                int n = rep.receive(buffer, ReceiveFlags.NONE);
                rep.send(buffer, 0, n, SendFlags.NONE);
            }
        }
    }

    private static double remoteLat(Context ctx, String endpoint, int size, int count, int warmup, boolean msgApi) {
        try (Socket req = ctx.socket(SocketType.REQ)) {
            req.connect(endpoint);
            long start = 0;
            if (msgApi) {
                try (Message msg = new Message()) {
                    for (int i = 0; i < warmup + count; i++) {
                        if (i == warmup) {
                            start = System.nanoTime();
                        }
                        msg.rebuild(size);
                        req.send(msg);
                        req.receive(msg);
                    }
                }
            } else {
                byte[] payload = new byte[size];
                for (int i = 0; i < warmup + count; i++) {
                    if (i == warmup) {
                        start = System.nanoTime();
                    }
                    req.send(payload);
                    req.receive(payload, ReceiveFlags.NONE);
                }
            }
            return (System.nanoTime() - start) / 1e3 / count / 2;
        }
    }
}
