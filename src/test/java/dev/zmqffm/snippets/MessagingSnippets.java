package dev.zmqffm.snippets;

import dev.zmqffm.Context;
import dev.zmqffm.Message;
import dev.zmqffm.MessageTracker;
import dev.zmqffm.MonitorEvent;
import dev.zmqffm.PollEvent;
import dev.zmqffm.Poller;
import dev.zmqffm.Proxy;
import dev.zmqffm.ReceiveFlags;
import dev.zmqffm.SendFlags;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketMonitor;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;
import dev.zmqffm.Timers;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The javadoc examples of messages, flags, polling, timers, the proxy and the monitor (see
 * {@link CoreSnippets} for how the regions are used).
 */
final class MessagingSnippets {
    private MessagingSnippets() {}

    /** Two PAIR sockets connected over inproc. */
    private static Socket[] pair(Context ctx, String name) {
        Socket a = ctx.socket(SocketType.PAIR);
        Socket b = ctx.socket(SocketType.PAIR);
        a.bind("inproc://" + name);
        b.connect("inproc://" + name);
        return new Socket[] {a, b};
    }

    static List<Long> message() {
        List<Long> sizes = new ArrayList<>();
        try (Context ctx = Context.create()) {
            Socket[] p = pair(ctx, "message");
            Socket socket = p[0];
            p[1].send("first");
            p[1].send("second");
            // @start region="message"
            try (Message msg = new Message()) {
                for (int i = 0; i < 2; i++) {
                    socket.receive(msg);                  // reuses the same zmq_msg_t every time
                    MemorySegment payload = msg.data();   // no copy: libzmq's own buffer
                    sizes.add(payload.byteSize());
                }
            }

            try (Message out = Message.allocate(1024)) {  // libzmq owns this buffer
                out.data().fill((byte) 7);                // write the payload in place
                socket.send(out);                         // hands the buffer to libzmq, no copy
            }
            // @end
            sizes.add((long) p[1].receiveBytes().orElseThrow().length);
            for (Socket s : p) {
                s.close();
            }
        }
        return sizes;
    }

    static List<Object> messageTracker() throws InterruptedException {
        try (Context ctx = Context.create()) {
            Socket[] p = pair(ctx, "tracker");
            Socket socket = p[0];
            Socket peer = p[1];
            boolean released;
            byte first;
            // @start region="message-tracker"
            try (Arena arena = Arena.ofShared()) {
                MemorySegment frame = arena.allocate(1 << 20);
                frame.fill((byte) 42);
                MessageTracker tracker;
                try (Message msg = Message.wrap(frame)) {
                    tracker = msg.tracker();
                    socket.send(msg);                     // no copy: libzmq reads `frame` itself
                }
                // @replace substring="first =" replacement="byte first =" :
                first = peer.receiveBytes().orElseThrow()[0];
                // @replace substring="released =" replacement="boolean released =" :
                released = tracker.await(Duration.ofSeconds(10));   // now the arena may be closed
            }
            // @end
            for (Socket s : p) {
                s.close();
            }
            return List.of(first, released);
        }
    }

    static List<Object> sendFlags() {
        try (Context ctx = Context.create();
             Socket socket = ctx.socket(SocketType.PUSH);
             Socket pull = ctx.socket(SocketType.PULL);
             Socket idle = ctx.socket(SocketType.PUSH)) {
            pull.bind("inproc://flags");
            socket.connect("inproc://flags");
            byte[] bytes = {1, 2, 3};
            // @start region="send-flags"
            socket.send("header", SendFlags.SEND_MORE);
            socket.send("body");                                       // ends the message
            socket.send(bytes, SendFlags.DONT_WAIT.and(SendFlags.SEND_MORE));
            socket.send("last");
            boolean queued = idle.send("ping", SendFlags.DONT_WAIT);   // false: no peer, would block
            // @end
            List<Object> got = new ArrayList<>();
            got.add(queued);
            got.addAll(pull.receiveMultipart().orElseThrow().stream().map(b -> new String(b, UTF_8)).toList());
            got.add(pull.receiveMultipart().orElseThrow().size());
            return got;
        }
    }

    static Optional<String> receiveFlags() {
        try (Context ctx = Context.create();
             Socket socket = ctx.socket(SocketType.PULL)) {
            socket.bind("inproc://nothing");
            // @start region="receive-flags"
            Optional<String> maybe = socket.receiveString(ReceiveFlags.DONT_WAIT);   // empty: nothing queued
            // @end
            return maybe;
        }
    }

    static Optional<String> pollEvent() {
        try (Context ctx = Context.create();
             Socket socket = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            socket.bind("inproc://events");
            push.connect("inproc://events");
            push.send("ready");
            Optional<String> got = Optional.empty();
            while (got.isEmpty()) {
                // @start region="poll-event"
                if (socket.get(SocketOptions.EVENTS).contains(PollEvent.IN)) {
                    got = socket.receiveString(ReceiveFlags.DONT_WAIT);   // a message is waiting
                }
                // @end
            }
            return got;
        }
    }

    static List<String> poller() {
        List<String> handled = new ArrayList<>();
        try (Context ctx = Context.create();
             Socket jobsSocket = ctx.socket(SocketType.PULL);
             Socket controlSocket = ctx.socket(SocketType.PULL);
             Socket jobs = ctx.socket(SocketType.PUSH);
             Socket control = ctx.socket(SocketType.PUSH)) {
            jobsSocket.bind("inproc://jobs");
            controlSocket.bind("inproc://control");
            jobs.connect("inproc://jobs");
            control.connect("inproc://control");
            jobs.send("job 1");
            control.send("STOP");
            // @start region="poller"
            try (Poller poller = new Poller()) {
                int jobsIndex = poller.register(jobsSocket, PollEvent.IN);
                int controlIndex = poller.register(controlSocket, PollEvent.IN);
                boolean running = true;
                while (running) {
                    if (poller.poll(Duration.ofSeconds(1)) == 0) {
                        continue;                                       // timed out
                    }
                    if (poller.isReadable(jobsIndex)) {
                        jobsSocket.receiveString(ReceiveFlags.DONT_WAIT).ifPresent(handled::add);
                    }
                    if (poller.isReadable(controlIndex)) {
                        running = !controlSocket.receiveString(ReceiveFlags.DONT_WAIT).orElse("").equals("STOP");
                    }
                }
            }
            // @end
        }
        return handled;
    }

    static int timers() {
        List<String> received = new ArrayList<>();
        try (Context ctx = Context.create();
             Socket socket = ctx.socket(SocketType.PAIR);
             Socket peer = ctx.socket(SocketType.PAIR)) {
            socket.bind("inproc://heartbeat");
            peer.connect("inproc://heartbeat");
            int[] beats = {0};
            // @start region="timers"
            Timers timers = new Timers();
            timers.add(Duration.ofMillis(10), () -> {
                socket.send("HEARTBEAT");
                beats[0]++;
            });
            try (Poller poller = new Poller()) {
                int in = poller.register(peer, PollEvent.IN);
                while (beats[0] < 3) {
                    poller.poll(timers.timeout());      // wake up for a message or the next timer
                    if (poller.isReadable(in)) {
                        received.add(peer.receiveString().orElseThrow());
                    }
                    timers.execute();                   // runs the handlers that are due, on this thread
                }
            }
            // @end
            return beats[0];
        }
    }

    static List<Object> proxy() {
        try (Context ctx = Context.create();
             Socket clients = ctx.socket(SocketType.ROUTER);
             Socket workers = ctx.socket(SocketType.DEALER);
             Socket client = ctx.socket(SocketType.REQ);
             Socket worker = ctx.socket(SocketType.REP)) {
            String reply;
            Proxy.Statistics stats;
            // @start region="proxy"
            String front = clients.bind("tcp://127.0.0.1:*");
            String back = workers.bind("tcp://127.0.0.1:*");
            try (Proxy broker = Proxy.start(clients, workers)) {
                client.connect(front);
                worker.connect(back);
                client.send("request");
                worker.send(worker.receiveString().orElseThrow() + " done");
                // @replace substring="reply =" replacement="String reply =" :
                reply = client.receiveString().orElseThrow();   // request done
                // @replace substring="stats =" replacement="Proxy.Statistics stats =" :
                stats = broker.statistics();   // stats.frontendMessagesIn() == 1
                broker.pause();                                 // messages wait in the queues
                broker.resume();
            }                                                   // close() terminates and joins the thread
            // @end
            return List.of(reply, stats.frontendMessagesIn(), stats.backendMessagesIn());
        }
    }

    static List<Object> socketMonitor() {
        try (Context ctx = Context.create();
             Socket rep = ctx.socket(SocketType.REP);
             Socket req = ctx.socket(SocketType.REQ)) {
            String endpoint = rep.bind("tcp://127.0.0.1:*");
            List<Object> seen = new ArrayList<>();
            // @start region="socket-monitor"
            try (SocketMonitor monitor = SocketMonitor.start(req, MonitorEvent.Type.ALL)) {
                req.connect(endpoint);
                Optional<MonitorEvent> e = monitor.next(Duration.ofSeconds(5));
                e.ifPresent(seen::add);    // MonitorEvent[type=CONNECT_DELAYED, value=0, endpoint=tcp://...]
            }
            // @end
            return seen;
        }
    }

    static MonitorEvent monitorEvent() {
        try (Context ctx = Context.create();
             Socket rep = ctx.socket(SocketType.REP);
             Socket socket = ctx.socket(SocketType.REQ)) {
            String endpoint = rep.bind("tcp://127.0.0.1:*");
            MonitorEvent connected = null;
            // @start region="monitor-event"
            try (SocketMonitor monitor = SocketMonitor.start(socket, EnumSet.of(MonitorEvent.Type.CONNECTED))) {
                socket.connect(endpoint);
                MonitorEvent e = monitor.next(Duration.ofSeconds(5)).orElseThrow();
                if (e.type() == MonitorEvent.Type.CONNECTED) {
                    connected = e;                         // e.value() is the connection's descriptor
                }
            }
            // @end
            return connected;
        }
    }
}
