package dev.zmqffm.bench;

import java.util.concurrent.atomic.AtomicReference;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The same measurements as {@link Perf} with JeroMQ (pure Java), both sides in one process:
 * {@code JeroPerf thr|lat ENDPOINT SIZE COUNT WARMUP}. JeroMQ's API is {@code byte[]}.
 */
public final class JeroPerf {
    private JeroPerf() {}

    public static void main(String[] args) throws Exception {
        boolean throughput = args[0].equals("thr");
        String endpoint = args[1];
        int size = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        try (ZContext ctx = new ZContext()) {
            ZMQ.Socket server = ctx.createSocket(throughput ? SocketType.PULL : SocketType.REP);
            String bound = bind(server, endpoint);
            AtomicReference<Throwable> failure = new AtomicReference<>();
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
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("RESULT kind=thr api=bytes size=%d count=%d value=%.1f%n", size, count, count / seconds);
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
                double micros = (System.nanoTime() - start) / 1e3 / count / 2;
                System.out.printf("RESULT kind=lat api=bytes size=%d count=%d value=%.3f%n", size, count, micros);
            }
            peer.join();
            if (failure.get() != null) {
                throw new IllegalStateException(failure.get());
            }
        }
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
