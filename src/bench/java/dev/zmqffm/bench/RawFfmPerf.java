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
 * The Foreign Function API's floor under {@link Perf}'s {@code msg} loops: the same throughput
 * and latency measurements as libzmq's perf tools in C ({@code src/bench/c/perf.c}, style
 * {@code msg}), made of bare downcalls and nothing else, with no zmq-ffm class.
 *
 * <pre>{@code
 * java --enable-native-access=ALL-UNNAMED -cp … dev.zmqffm.bench.RawFfmPerf thr tcp://127.0.0.1:* 1 2000000 500000 msg
 * }</pre>
 *
 * <p>Style {@code msg} makes C's {@code zmq_msg_*} calls; style {@code buf} makes C's
 * {@code zmq_send}/{@code zmq_recv} calls on a reused {@code byte[]}. The handles are those of
 * zmq-ffm's engine, and each workload takes the cheaper of its two ways to call: throughput a
 * first {@code ZMQ_DONTWAIT} attempt through a {@code critical} handle ({@code critical(true)} on
 * the array itself for {@code buf}) that captures no errno, and on failure the ordinary blocking
 * call, which captures errno (and meets any real error again at once); latency, where every receive would miss (a failed attempt costs
 * libzmq a {@code poll(2)}), the ordinary blocking call at once. A blocking {@code buf} call goes
 * through a native buffer, which an ordinary downcall needs. So the gap between these rows and C
 * is what FFM itself costs, and the gap between them and zmq-ffm's rows is what zmq-ffm's Java
 * layer costs. {@code scripts/bench} runs them as the rows "bare FFM, …". Prints
 * the same {@code RESULT} line as {@link Perf}.
 */
public final class RawFfmPerf {
    private static final int ZMQ_PUSH = 8;
    private static final int ZMQ_PULL = 7;
    private static final int ZMQ_REQ = BareFfmRoundTrip.ZMQ_REQ;
    private static final int ZMQ_REP = BareFfmRoundTrip.ZMQ_REP;
    private static final int ZMQ_LINGER = BareFfmRoundTrip.ZMQ_LINGER;
    private static final int ZMQ_SNDHWM = 23;
    private static final int ZMQ_RCVHWM = 24;
    private static final int ZMQ_LAST_ENDPOINT = BareFfmRoundTrip.ZMQ_LAST_ENDPOINT;
    private static final int ZMQ_DONTWAIT = BareFfmRoundTrip.ZMQ_DONTWAIT;
    private static final long MSG_T = 64;

    private static final ValueLayout.OfInt INT = BareFfmRoundTrip.INT;
    private static final ValueLayout.OfLong SIZE_T = BareFfmRoundTrip.SIZE_T;
    private static final ValueLayout POINTER = BareFfmRoundTrip.POINTER;
    private static final Linker LINKER = BareFfmRoundTrip.LINKER;
    private static final Linker.Option ERRNO = BareFfmRoundTrip.ERRNO;
    private static final Linker.Option CRITICAL = BareFfmRoundTrip.CRITICAL;
    private static final Linker.Option CRITICAL_HEAP = BareFfmRoundTrip.CRITICAL_HEAP;
    private static final MemoryLayout CAPTURE = BareFfmRoundTrip.CAPTURE;
    private static final SymbolLookup ZMQ = SymbolLookup.libraryLookup("libzmq.so.5", Arena.global());

    private static final MethodHandle CTX_NEW = handle("zmq_ctx_new", FunctionDescriptor.of(POINTER));
    private static final MethodHandle CTX_TERM = handle("zmq_ctx_term", FunctionDescriptor.of(INT, POINTER));
    private static final MethodHandle SOCKET = handle("zmq_socket", FunctionDescriptor.of(POINTER, POINTER, INT));
    private static final MethodHandle CLOSE = handle("zmq_close", FunctionDescriptor.of(INT, POINTER));
    private static final MethodHandle SETSOCKOPT = handle("zmq_setsockopt",
            FunctionDescriptor.of(INT, POINTER, INT, POINTER, SIZE_T));
    private static final MethodHandle GETSOCKOPT = handle("zmq_getsockopt",
            FunctionDescriptor.of(INT, POINTER, INT, POINTER, POINTER));
    private static final MethodHandle BIND = handle("zmq_bind", FunctionDescriptor.of(INT, POINTER, POINTER));
    private static final MethodHandle CONNECT = handle("zmq_connect", FunctionDescriptor.of(INT, POINTER, POINTER));
    private static final FunctionDescriptor MSG_IO = FunctionDescriptor.of(INT, POINTER, POINTER, INT);
    private static final MethodHandle MSG_SEND = handle("zmq_msg_send", MSG_IO, ERRNO);
    private static final MethodHandle MSG_RECV = handle("zmq_msg_recv", MSG_IO, ERRNO);
    private static final MethodHandle MSG_SEND_CRITICAL = handle("zmq_msg_send", MSG_IO, CRITICAL);
    private static final MethodHandle MSG_RECV_CRITICAL = handle("zmq_msg_recv", MSG_IO, CRITICAL);
    private static final MethodHandle MSG_INIT = handle("zmq_msg_init", FunctionDescriptor.of(INT, POINTER), CRITICAL);
    private static final MethodHandle MSG_INIT_SIZE = handle("zmq_msg_init_size",
            FunctionDescriptor.of(INT, POINTER, SIZE_T), CRITICAL);
    private static final MethodHandle MSG_SIZE = handle("zmq_msg_size", FunctionDescriptor.of(SIZE_T, POINTER), CRITICAL);
    private static final MethodHandle MSG_CLOSE = handle("zmq_msg_close", FunctionDescriptor.of(INT, POINTER), CRITICAL);
    private static final FunctionDescriptor BUF_IO = FunctionDescriptor.of(INT, POINTER, POINTER, SIZE_T, INT);
    private static final MethodHandle SEND = handle("zmq_send", BUF_IO, ERRNO);
    private static final MethodHandle RECV = handle("zmq_recv", BUF_IO, ERRNO);
    private static final MethodHandle SEND_HEAP_CRITICAL = handle("zmq_send", BUF_IO, CRITICAL_HEAP);
    private static final MethodHandle RECV_HEAP_CRITICAL = handle("zmq_recv", BUF_IO, CRITICAL_HEAP);

    private RawFfmPerf() {}

    private static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.downcallHandle(ZMQ.find(name).orElseThrow(), descriptor, options);
    }

    public static void main(String[] args) throws Throwable {
        PerfArgs a = PerfArgs.parse(args);
        boolean msgStyle = a.style().equals("msg");
        MemorySegment ctx = (MemorySegment) CTX_NEW.invokeExact();
        // The same untimed pass as Perf's, so that compiled code is measured.
        run(ctx, JitWarmUp.endpoint(a.endpoint()), JitWarmUp.size(a.size()), JitWarmUp.count(a.throughput(), a.size()), 0,
                a.throughput(), msgStyle);
        JitWarmUp.awaitQuietCompiler();
        Perf.report(a.throughput(), msgStyle ? "msg" : "buf", a.size(), a.count(),
                run(ctx, a.endpoint(), a.size(), a.count(), a.warmup(), a.throughput(), msgStyle));
        check((int) CTX_TERM.invokeExact(ctx), "zmq_ctx_term");
    }

    private static double run(MemorySegment ctx, String endpoint, int size, int count, int warmup, boolean throughput,
                              boolean msgStyle) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment server = socket(ctx, throughput ? ZMQ_PULL : ZMQ_REP, arena);
            check((int) BIND.invokeExact(server, arena.allocateFrom(endpoint)), "zmq_bind");
            MemorySegment value = arena.allocate(256);
            MemorySegment length = arena.allocate(SIZE_T);
            length.set(SIZE_T, 0, 256);
            check((int) GETSOCKOPT.invokeExact(server, ZMQ_LAST_ENDPOINT, value, length), "zmq_getsockopt");
            String bound = value.getString(0);
            Throwable[] failure = new Throwable[1];
            Thread peer = new Thread(() -> {
                try (Arena peerArena = Arena.ofConfined()) {
                    Io io = new Io(peerArena, size, msgStyle, throughput);
                    if (throughput) {
                        MemorySegment push = socket(ctx, ZMQ_PUSH, peerArena);
                        check((int) CONNECT.invokeExact(push, peerArena.allocateFrom(bound)), "zmq_connect");
                        for (int i = 0; i < warmup + count; i++) {
                            io.send(push);
                        }
                        // Linger is infinite: zmq_ctx_term waits for the queue to drain.
                        check((int) CLOSE.invokeExact(push), "zmq_close");
                    } else {
                        for (int i = 0; i < warmup + count; i++) {
                            io.echo(server);
                        }
                    }
                    io.close();
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            peer.start();
            Io io = new Io(arena, size, msgStyle, throughput);
            double result = throughput ? pull(server, io, count, warmup) : roundTrips(ctx, bound, io, count, warmup, arena);
            io.close();
            peer.join();
            if (failure[0] != null) {
                throw failure[0];
            }
            check((int) CLOSE.invokeExact(server), "zmq_close");
            return result;
        }
    }

    private static MemorySegment socket(MemorySegment ctx, int type, Arena arena) throws Throwable {
        MemorySegment socket = (MemorySegment) SOCKET.invokeExact(ctx, type);
        MemorySegment option = arena.allocate(INT);
        option.set(INT, 0, 1000);
        check((int) SETSOCKOPT.invokeExact(socket, ZMQ_SNDHWM, option, 4L), "zmq_setsockopt");
        check((int) SETSOCKOPT.invokeExact(socket, ZMQ_RCVHWM, option, 4L), "zmq_setsockopt");
        option.set(INT, 0, -1);
        check((int) SETSOCKOPT.invokeExact(socket, ZMQ_LINGER, option, 4L), "zmq_setsockopt");
        return socket;
    }

    private static double pull(MemorySegment pull, Io io, int count, int warmup) throws Throwable {
        long start = 0;
        for (int i = 0; i < warmup + count; i++) {
            if (i == warmup) {
                start = System.nanoTime();
            }
            if (io.receive(pull) != io.size) {
                throw new IllegalStateException("message of the wrong size");
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double roundTrips(MemorySegment ctx, String endpoint, Io io, int count, int warmup, Arena arena)
            throws Throwable {
        MemorySegment req = socket(ctx, ZMQ_REQ, arena);
        check((int) CONNECT.invokeExact(req, arena.allocateFrom(endpoint)), "zmq_connect");
        long start = 0;
        for (int i = 0; i < warmup + count; i++) {
            if (i == warmup) {
                start = System.nanoTime();
            }
            io.reset();                       // C's loop closes the reply before it rebuilds
            io.send(req);
            io.receive(req);
        }
        double result = (System.nanoTime() - start) / 1e3 / count / 2;
        check((int) CLOSE.invokeExact(req), "zmq_close");
        return result;
    }

    /** One thread's calls, in one style: what C's perf tool does, as bare downcalls. */
    private static final class Io {
        final int size;
        private final boolean msgStyle;
        /** Throughput: a non-blocking critical attempt first; latency: the blocking call at once. */
        private final boolean attemptFirst;
        private final MemorySegment msg;
        private final MemorySegment errno;
        private final MemorySegment array;
        private final MemorySegment staging;

        Io(Arena arena, int size, boolean msgStyle, boolean attemptFirst) throws Throwable {
            this.size = size;
            this.msgStyle = msgStyle;
            this.attemptFirst = attemptFirst;
            this.msg = arena.allocate(MSG_T, 8);
            this.errno = arena.allocate(CAPTURE);
            this.array = MemorySegment.ofArray(new byte[Math.max(size, 1)]);
            this.staging = arena.allocate(Math.max(size, 1));
            check((int) MSG_INIT.invokeExact(msg), "zmq_msg_init");
        }

        /** Sends a new frame of {@code size} bytes. */
        void send(MemorySegment socket) throws Throwable {
            if (msgStyle) {
                check((int) MSG_INIT_SIZE.invokeExact(msg, (long) size), "zmq_msg_init_size");
            }
            send(socket, size);
        }

        /** Sends back the frame just received, as the C echo does (the same message, or the bytes). */
        void echo(MemorySegment socket) throws Throwable {
            send(socket, receive(socket));
        }

        private void send(MemorySegment socket, int length) throws Throwable {
            if (msgStyle) {
                if (!attemptFirst || (int) MSG_SEND_CRITICAL.invokeExact(msg, socket, ZMQ_DONTWAIT) < 0) {
                    check((int) MSG_SEND.invokeExact(errno, msg, socket, 0), "zmq_msg_send");
                }
            } else if (!attemptFirst
                    || (int) SEND_HEAP_CRITICAL.invokeExact(socket, array, (long) length, ZMQ_DONTWAIT) < 0) {
                MemorySegment.copy(array, 0, staging, 0, length);
                check((int) SEND.invokeExact(errno, socket, staging, (long) length, 0), "zmq_send");
            }
        }

        /** Receives one frame: its size. */
        int receive(MemorySegment socket) throws Throwable {
            if (msgStyle) {
                if (!attemptFirst || (int) MSG_RECV_CRITICAL.invokeExact(msg, socket, ZMQ_DONTWAIT) < 0) {
                    check((int) MSG_RECV.invokeExact(errno, msg, socket, 0), "zmq_msg_recv");
                }
                return (int) (long) MSG_SIZE.invokeExact(msg);
            }
            int n = attemptFirst ? (int) RECV_HEAP_CRITICAL.invokeExact(socket, array, array.byteSize(), ZMQ_DONTWAIT)
                    : -1;
            if (n < 0) {
                n = (int) RECV.invokeExact(errno, socket, staging, staging.byteSize(), 0);
                check(n, "zmq_recv");
                MemorySegment.copy(staging, 0, array, 0, Math.min(n, size));
            }
            return n;
        }

        /** Msg style: drops the frame last received, before {@link #send} rebuilds the message. */
        void reset() throws Throwable {
            if (msgStyle) {
                check((int) MSG_CLOSE.invokeExact(msg), "zmq_msg_close");
            }
        }

        void close() throws Throwable {
            check((int) MSG_CLOSE.invokeExact(msg), "zmq_msg_close");
        }
    }

    private static void check(int rc, String what) {
        if (rc < 0) {
            throw new IllegalStateException(what + " failed");
        }
    }
}
