package dev.zmqffm.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The Foreign Function API's own floor under {@link StartupRoundTrip}: the same round trip
 * (a REP bound to {@code tcp://127.0.0.1:*}, a REQ connected, one request, one reply, all closed)
 * written against the JDK alone, without one zmq-ffm class.
 *
 * <pre>{@code
 * java --enable-native-access=ALL-UNNAMED -cp startup-bench.jar dev.zmqffm.bench.BareFfmRoundTrip
 * }</pre>
 *
 * <p>It makes the downcalls zmq-ffm's round trip makes, through the same kinds of handle:
 * the function descriptors and linker options are those of {@code dev.zmqffm.internal.LibZmq}
 * (errno captured by every fallible call; {@code critical(false)} for {@code zmq_msg_size},
 * {@code zmq_msg_data} and the first, {@code ZMQ_DONTWAIT} attempt of a receive;
 * {@code critical(true)} for that of a send, which reads the {@code byte[]} in place), so the
 * JDK spins the same downcall stubs. The JDK shares one stub between handles with equal
 * descriptors and options, so what it costs is set by the distinct (descriptor, options) pairs:
 * {@link #main} makes ten, marked below. Written out here rather than taken from
 * {@code LibZmq} on purpose: loading that class is part of what zmq-ffm adds. A receive tries
 * once without waiting and, if nothing is there yet, waits in the ordinary blocking call, as
 * zmq-ffm does. Prints nothing on success; exits non-zero on any failure.
 *
 * <p>Run by {@code scripts/bench --startup} as the row "bare FFM, same downcalls";
 * {@link BareFfmVersion} is the one-downcall row under it.
 */
public final class BareFfmRoundTrip {
    private BareFfmRoundTrip() {}

    // Shared with RawFfmPerf, the other bare tool (a class of their own would load one more
    // class in the startup row this one measures).
    static final int ZMQ_REQ = 3;
    static final int ZMQ_REP = 4;
    static final int ZMQ_LINGER = 17;
    static final int ZMQ_LAST_ENDPOINT = 32;
    static final int ZMQ_DONTWAIT = 1;
    private static final int EAGAIN = 11;

    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong SIZE_T = ValueLayout.JAVA_LONG;
    static final ValueLayout POINTER = ValueLayout.ADDRESS;

    static final Linker LINKER = Linker.nativeLinker();
    static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    static final Linker.Option CRITICAL = Linker.Option.critical(false);
    static final Linker.Option CRITICAL_HEAP = Linker.Option.critical(true);
    static final MemoryLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final long ERRNO_OFFSET = CAPTURE.byteOffset(MemoryLayout.PathElement.groupElement("errno"));

    private static SymbolLookup zmq;
    /** The blocking zmq_msg_recv, made only if a receive has to wait. */
    private static MethodHandle msgRecv;

    private static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.downcallHandle(zmq.find(name).orElseThrow(), descriptor, options);
    }

    public static void main(String[] args) throws Throwable {
        zmq = SymbolLookup.libraryLookup("libzmq.so.5", Arena.global());
        // Each handle is made just before its first call, as zmq-ffm makes them (so the I/O
        // thread runs meanwhile, as it does there). The ten distinct (descriptor, options)
        // pairs are numbered, a repeated one in parentheses: each spins one downcall stub.
        FunctionDescriptor onePointer = FunctionDescriptor.of(INT, POINTER);
        FunctionDescriptor endpoint = FunctionDescriptor.of(INT, POINTER, POINTER);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cap = arena.allocate(CAPTURE);
            MethodHandle ctxNew = handle("zmq_ctx_new", FunctionDescriptor.of(POINTER), ERRNO);              // 1
            MemorySegment ctx = (MemorySegment) ctxNew.invokeExact(cap);
            MethodHandle socket = handle("zmq_socket", FunctionDescriptor.of(POINTER, POINTER, INT), ERRNO); // 2
            MethodHandle msgInit = handle("zmq_msg_init", onePointer, ERRNO);                                // 3
            MethodHandle setsockopt = handle("zmq_setsockopt",
                    FunctionDescriptor.of(INT, POINTER, INT, POINTER, SIZE_T), ERRNO);                       // 4
            MemorySegment linger = arena.allocate(INT);
            linger.set(INT, 0, 500);
            MemorySegment rep = (MemorySegment) socket.invokeExact(cap, ctx, ZMQ_REP);
            MemorySegment repMsg = arena.allocate(64, 8);
            check((int) msgInit.invokeExact(cap, repMsg));
            check((int) setsockopt.invokeExact(cap, rep, ZMQ_LINGER, linger, 4L));
            MemorySegment req = (MemorySegment) socket.invokeExact(cap, ctx, ZMQ_REQ);
            MemorySegment reqMsg = arena.allocate(64, 8);
            check((int) msgInit.invokeExact(cap, reqMsg));
            check((int) setsockopt.invokeExact(cap, req, ZMQ_LINGER, linger, 4L));

            MethodHandle bind = handle("zmq_bind", endpoint, ERRNO);                                         // 5
            check((int) bind.invokeExact(cap, rep, arena.allocateFrom("tcp://127.0.0.1:*")));
            MethodHandle getsockopt = handle("zmq_getsockopt",
                    FunctionDescriptor.of(INT, POINTER, INT, POINTER, POINTER), ERRNO);                      // 6
            MemorySegment last = arena.allocate(256);
            MemorySegment lastSize = arena.allocate(SIZE_T);
            lastSize.set(SIZE_T, 0, 256L);
            check((int) getsockopt.invokeExact(cap, rep, ZMQ_LAST_ENDPOINT, last, lastSize));
            MethodHandle connect = handle("zmq_connect", endpoint, ERRNO);                                   // (5)
            check((int) connect.invokeExact(cap, req, last));

            MethodHandle sendNow = handle("zmq_send",
                    FunctionDescriptor.of(INT, POINTER, POINTER, SIZE_T, INT), CRITICAL_HEAP, ERRNO);        // 7
            send(sendNow, cap, req, "hello");
            MethodHandle msgRecvNow = handle("zmq_msg_recv",
                    FunctionDescriptor.of(INT, POINTER, POINTER, INT), CRITICAL, ERRNO);                     // 8
            MethodHandle msgSize = handle("zmq_msg_size", FunctionDescriptor.of(SIZE_T, POINTER), CRITICAL); // 9
            MethodHandle msgData = handle("zmq_msg_data", FunctionDescriptor.of(POINTER, POINTER), CRITICAL); // 10
            String request = receive(msgRecvNow, cap, repMsg, rep, msgSize, msgData);
            send(sendNow, cap, rep, request.equals("hello") ? "world" : "wrong");
            String reply = receive(msgRecvNow, cap, reqMsg, req, msgSize, msgData);

            MethodHandle msgClose = handle("zmq_msg_close", onePointer, ERRNO);                              // (3)
            MethodHandle close = handle("zmq_close", onePointer, ERRNO);                                     // (3)
            check((int) msgClose.invokeExact(cap, reqMsg));
            check((int) close.invokeExact(cap, req));
            check((int) msgClose.invokeExact(cap, repMsg));
            check((int) close.invokeExact(cap, rep));
            MethodHandle ctxShutdown = handle("zmq_ctx_shutdown", onePointer, ERRNO);
            MethodHandle ctxTerm = handle("zmq_ctx_term", onePointer, ERRNO);
            check((int) ctxShutdown.invokeExact(cap, ctx));
            check((int) ctxTerm.invokeExact(cap, ctx));
            if (!reply.equals("world")) {
                System.exit(1);
            }
        }
    }

    /** A send of heap bytes; the queue has room, so the DONTWAIT attempt always succeeds. */
    private static void send(MethodHandle sendNow, MemorySegment cap, MemorySegment socket, String text)
            throws Throwable {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int rc = (int) sendNow.invokeExact(cap, socket, MemorySegment.ofArray(bytes), (long) bytes.length, ZMQ_DONTWAIT);
        if (rc != bytes.length) {
            System.exit(2);
        }
    }

    /**
     * One frame as text: a DONTWAIT attempt, and only if nothing is there yet the ordinary
     * blocking call, whose handle (an eleventh stub) is made then, as zmq-ffm makes it on first use.
     */
    private static String receive(MethodHandle msgRecvNow, MemorySegment cap, MemorySegment msg, MemorySegment socket,
                                  MethodHandle msgSize, MethodHandle msgData) throws Throwable {
        int rc = (int) msgRecvNow.invokeExact(cap, msg, socket, ZMQ_DONTWAIT);
        if (rc < 0 && cap.get(INT, ERRNO_OFFSET) == EAGAIN) {
            if (msgRecv == null) {
                msgRecv = handle("zmq_msg_recv", FunctionDescriptor.of(INT, POINTER, POINTER, INT), ERRNO); // 11
            }
            rc = (int) msgRecv.invokeExact(cap, msg, socket, 0);
        }
        if (rc < 0) {
            System.exit(2);
        }
        long size = (long) msgSize.invokeExact(msg);
        MemorySegment data = (MemorySegment) msgData.invokeExact(msg);
        return new String(data.reinterpret(size).toArray(ValueLayout.JAVA_BYTE), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void check(int rc) {
        if (rc != 0) {
            System.exit(2);
        }
    }
}
