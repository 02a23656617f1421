package dev.zmqffm.misuse;

import dev.zmqffm.Context;
import dev.zmqffm.Message;
import dev.zmqffm.MessageTracker;
import dev.zmqffm.ReceiveFlags;
import dev.zmqffm.SendFlags;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Paths where libzmq releases a zero-copy frame, and so runs the Java free callback (an
 * upcall), inside a send or receive. The engine's first attempt is a critical downcall, in which
 * an upcall would crash the JVM: each scenario must end with {@code DONE} and every tracker
 * released. Run in a forked JVM by {@link UpcallTest}.
 */
public final class UpcallScenario {
    private UpcallScenario() {}

    private static final int ROUNDS = 2000;

    public static void main(String[] args) throws Exception {
        try (Context ctx = Context.create(); Arena arena = Arena.ofShared()) {
            MemorySegment payload = arena.allocate(4096);
            List<MessageTracker> trackers = new ArrayList<>();
            switch (args[0]) {
                case "receive-over-wrapped" -> receiveOverWrapped(ctx, payload, trackers);
                case "dropped-by-send" -> droppedBySend(ctx, payload, trackers);
                case "receive-bytes" -> receiveBytes(ctx, payload, trackers, args[1]);
                default -> throw new IllegalArgumentException(args[0]);
            }
            long pending = trackers.stream().filter(t -> !t.isDone()).count();
            System.out.println("trackers: " + trackers.size() + ", pending: " + pending);
        }
        System.out.println("DONE");
    }

    private static Message wrapped(MemorySegment payload, List<MessageTracker> trackers) {
        Message m = Message.wrap(payload);
        trackers.add(m.tracker());
        return m;
    }

    /** Receiving into a Message that holds a wrapped frame from inproc releases that frame. */
    private static void receiveOverWrapped(Context ctx, MemorySegment payload, List<MessageTracker> trackers) {
        try (Socket out = ctx.socket(SocketType.PAIR); Socket in = ctx.socket(SocketType.PAIR);
             Message received = new Message()) {
            out.connect(in.bind("inproc://over-wrapped"));
            for (int i = 0; i < ROUNDS; i++) {
                try (Message m = wrapped(payload, trackers)) {
                    out.send(m);
                }
                in.receive(received);                          // now holds the wrapped frame
                out.send(new byte[] {1});
                in.receive(received, ReceiveFlags.DONT_WAIT);  // replaces it (or finds nothing yet)
                in.receive(received, ReceiveFlags.DONT_WAIT);
            }
            // Drain what may be left, then let the last frame go.
            while (in.receive(received, Duration.ofMillis(50))) {
                // keep draining
            }
        }
    }

    /** A PUB with no subscriber drops every message inside zmq_msg_send, over tcp too. */
    private static void droppedBySend(Context ctx, MemorySegment payload, List<MessageTracker> trackers) {
        try (Socket pub = ctx.socket(SocketType.PUB)) {
            pub.bind("tcp://127.0.0.1:*");
            for (int i = 0; i < ROUNDS; i++) {
                try (Message m = wrapped(payload, trackers)) {
                    pub.send(m, SendFlags.DONT_WAIT);
                }
            }
        }
        try (Socket router = ctx.socket(SocketType.ROUTER)) {
            router.bind("tcp://127.0.0.1:*");
            for (int i = 0; i < ROUNDS; i++) {
                // An unknown routing id: ROUTER drops the body inside the send.
                router.send(new byte[] {9, 9, 9}, SendFlags.SEND_MORE);
                try (Message m = wrapped(payload, trackers)) {
                    router.send(m, SendFlags.DONT_WAIT);
                }
            }
        }
    }

    /**
     * Wrapped frames of 1 to 8 KiB over inproc, received with the copying forms: each frame must
     * be released as soon as it was copied out, not when the next receive replaces it.
     */
    private static void receiveBytes(Context ctx, MemorySegment payload, List<MessageTracker> trackers,
                                     String form) throws InterruptedException {
        try (Socket out = ctx.socket(SocketType.PAIR); Socket in = ctx.socket(SocketType.PAIR)) {
            out.set(SocketOptions.SNDHWM, 0);
            out.connect(in.bind("inproc://receive-bytes"));
            byte[] array = new byte[8192];
            MemorySegment segment = Arena.ofAuto().allocate(8192);
            int late = 0;
            for (int i = 0; i < ROUNDS; i++) {
                int size = 1024 + (i * 97) % 7168;
                MessageTracker tracker;
                try (Message m = wrapped(payload.asSlice(0, Math.min(size, payload.byteSize())), trackers)) {
                    tracker = m.tracker();
                    out.send(m);
                }
                int got = switch (form) {
                    case "bytes" -> in.receiveBytes().orElseThrow().length;
                    case "array" -> in.receive(array, ReceiveFlags.NONE);
                    default -> in.receive(segment, ReceiveFlags.NONE);
                };
                if (got <= 0) {
                    throw new AssertionError("received " + got);
                }
                if (!tracker.await(Duration.ofSeconds(1))) {
                    late++;
                }
            }
            System.out.println("late: " + late);
        }
    }
}
