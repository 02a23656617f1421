package dev.zmqffm.fault;

import dev.zmqffm.Context;
import dev.zmqffm.MonitorEvent;
import dev.zmqffm.SendFlags;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketMonitor;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.Optional;

/**
 * The programs that run on the namespace "hosts" of {@link FaultTest}, one role per process.
 * Each prints {@code READY} when it may be faulted, progress and measurements as lines the test
 * reads, and a final summary line.
 *
 * <pre>
 * FaultPeer rep tcp://10.213.5.2:5555
 * FaultPeer lpclient tcp://10.213.5.2:5555 2000 250 5
 * </pre>
 */
public final class FaultPeer {
    private FaultPeer() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "rep" -> rep(args[1]);
            case "lpclient" -> lazyPirate(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : 0);
            case "heartbeat" -> heartbeat(args[1]);
            case "pub" -> pub(args[1]);
            case "sub" -> sub(args[1], Integer.parseInt(args[2]));
            case "push" -> push(args[1], Integer.parseInt(args[2]));
            case "pull" -> pull(args[1], Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void println(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Echo server; also answers the heartbeat role's DEALER (one empty delimiter frame). */
    static void rep(String endpoint) {
        try (Context ctx = Context.create(); Socket rep = ctx.socket(SocketType.REP)) {
            rep.bind(endpoint);
            println("READY");
            while (true) {
                byte[] request = rep.receiveBytes().orElseThrow();
                rep.send(request);
            }
        }
    }

    /**
     * The Lazy Pirate client (zguide ch. 4): one request at a time; no reply within the timeout
     * means close the REQ socket, open a new one and resend the same request, forever — so no
     * request is lost, whatever happens to the server or the network. Replies are checked
     * against the request (a stale or duplicated one would not match).
     */
    static void lazyPirate(String endpoint, int requests, int timeoutMillis, int pauseMillis) throws InterruptedException {
        try (Context ctx = Context.create()) {
            Socket req = client(ctx, endpoint);
            int retries = 0;
            int mismatched = 0;
            long maxOutage = 0;
            println("READY");
            for (int seq = 0; seq < requests; seq++) {
                byte[] request = Integer.toString(seq).getBytes(StandardCharsets.US_ASCII);
                long firstTry = System.nanoTime();
                boolean retried = false;
                while (true) {
                    req.send(request);
                    Optional<byte[]> reply = req.receiveBytes(Duration.ofMillis(timeoutMillis));
                    if (reply.isPresent()) {
                        if (!new String(reply.get(), StandardCharsets.US_ASCII).equals(Integer.toString(seq))) {
                            mismatched++;
                        }
                        break;
                    }
                    retries++;
                    retried = true;
                    req.close();                      // the REQ is stuck in "expect reply": start over
                    req = client(ctx, endpoint);
                }
                if (retried) {
                    long outage = (System.nanoTime() - firstTry) / 1_000_000;
                    maxOutage = Math.max(maxOutage, outage);
                    println("RESUMED " + seq + " after " + outage + " ms");
                }
                if (seq % 100 == 0) {
                    println("PROGRESS " + seq);
                }
                Thread.sleep(pauseMillis);
            }
            req.close();
            println("LP sent=" + requests + " answered=" + requests + " lost=0 mismatched=" + mismatched
                    + " retries=" + retries + " maxOutageMs=" + maxOutage);
        }
    }

    private static Socket client(Context ctx, String endpoint) {
        Socket req = ctx.socket(SocketType.REQ);
        req.set(SocketOptions.LINGER, Duration.ZERO);
        req.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(50));
        req.set(SocketOptions.RECONNECT_IVL_MAX, Duration.ofMillis(200));
        req.connect(endpoint);
        return req;
    }

    /**
     * A DEALER with ZMTP heartbeats (every 100 ms, 500 ms timeout, TTL 1 s) watching its own
     * connection through a monitor: prints the wall-clock time of each disconnect, so the test
     * can compare it with when it silenced the peer.
     */
    static void heartbeat(String endpoint) {
        try (Context ctx = Context.create(); Socket dealer = ctx.socket(SocketType.DEALER)) {
            dealer.set(SocketOptions.HEARTBEAT_IVL, Duration.ofMillis(100));
            dealer.set(SocketOptions.HEARTBEAT_TIMEOUT, Duration.ofMillis(500));
            dealer.set(SocketOptions.HEARTBEAT_TTL, Duration.ofSeconds(1));
            dealer.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(100));
            try (SocketMonitor monitor = SocketMonitor.start(dealer, MonitorEvent.Type.ALL)) {
                dealer.connect(endpoint);
                while (true) {
                    Optional<MonitorEvent> e = monitor.next(Duration.ofSeconds(60));
                    if (e.isEmpty()) {
                        return;
                    }
                    switch (e.get().type()) {
                        case HANDSHAKE_SUCCEEDED -> println("CONNECTED " + System.currentTimeMillis());
                        case DISCONNECTED -> println("DISCONNECTED " + System.currentTimeMillis());
                        default -> { }
                    }
                }
            }
        }
    }

    /** Publishes a sequence number every millisecond, forever. */
    static void pub(String endpoint) throws InterruptedException {
        try (Context ctx = Context.create(); Socket pub = ctx.socket(SocketType.PUB)) {
            pub.set(SocketOptions.SNDHWM, 100_000);
            pub.bind(endpoint);
            println("READY");
            for (long seq = 0; ; seq++) {
                pub.send(Long.toString(seq), SendFlags.DONT_WAIT);
                Thread.sleep(1);
            }
        }
    }

    /**
     * Subscribes for {@code seconds}, printing each gap in the sequence (with its wall-clock end)
     * and a summary: received, lost (gaps), duplicated or out of order.
     */
    static void sub(String endpoint, int seconds) {
        try (Context ctx = Context.create(); Socket sub = ctx.socket(SocketType.SUB)) {
            sub.set(SocketOptions.HEARTBEAT_IVL, Duration.ofMillis(100));
            sub.set(SocketOptions.HEARTBEAT_TIMEOUT, Duration.ofMillis(500));
            sub.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(100));
            sub.subscribe("");
            sub.connect(endpoint);
            long last = -1;
            long received = 0;
            long lost = 0;
            long backwards = 0;
            long lastArrival = 0;
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                Optional<String> m = sub.receiveString(Duration.ofMillis(100));
                if (m.isEmpty()) {
                    continue;
                }
                long seq = Long.parseLong(m.get());
                long now = System.currentTimeMillis();
                if (received == 0) {
                    println("READY");
                } else if (seq > last + 1) {
                    lost += seq - last - 1;
                    println("GAP " + (seq - last - 1) + " resumed " + now + " silent " + (now - lastArrival) + " ms");
                } else if (seq <= last) {
                    backwards++;
                }
                last = Math.max(last, seq);
                lastArrival = now;
                received++;
            }
            println("SUB received=" + received + " lost=" + lost + " backwards=" + backwards);
        }
    }

    /** Sends {@code count} numbered messages, each waiting at most 10 s at the HWM. */
    static void push(String endpoint, int count) {
        try (Context ctx = Context.create(); Socket push = ctx.socket(SocketType.PUSH)) {
            push.set(SocketOptions.SNDHWM, 10);
            push.set(SocketOptions.LINGER, Duration.ofSeconds(30));
            push.connect(endpoint);
            println("READY");
            int blocked = 0;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                byte[] payload = new byte[1024];
                System.arraycopy(Integer.toString(i).getBytes(StandardCharsets.US_ASCII), 0, payload, 0,
                        Integer.toString(i).length());
                if (!push.send(payload, SendFlags.DONT_WAIT)) {
                    blocked++;                          // at the high-water mark: wait for room
                    if (!push.send(payload, Duration.ofSeconds(10))) {
                        println("PUSH stuck at " + i);
                        return;
                    }
                }
            }
            println("PUSH sent=" + count + " hwmWaits=" + blocked + " ms=" + (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Receives numbered messages until {@code count} distinct ones arrived or 60 s of silence. */
    static void pull(String endpoint, int count) {
        try (Context ctx = Context.create(); Socket pull = ctx.socket(SocketType.PULL)) {
            pull.set(SocketOptions.RCVHWM, 10);
            pull.bind(endpoint);
            println("READY");
            BitSet seen = new BitSet(count);
            int duplicates = 0;
            while (seen.cardinality() < count) {
                Optional<byte[]> m = pull.receiveBytes(Duration.ofSeconds(60));
                if (m.isEmpty()) {
                    break;
                }
                String text = new String(m.get(), StandardCharsets.US_ASCII).trim().replace("\u0000", "");
                int i = Integer.parseInt(text);
                if (seen.get(i)) {
                    duplicates++;
                }
                seen.set(i);
                Thread.sleep(0, 1);
            }
            println("PULL received=" + seen.cardinality() + " lost=" + (count - seen.cardinality()) + " duplicated="
                    + duplicates);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
