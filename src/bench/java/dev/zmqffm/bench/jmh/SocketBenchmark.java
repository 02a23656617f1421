package dev.zmqffm.bench.jmh;

import dev.zmqffm.Context;
import dev.zmqffm.Message;
import dev.zmqffm.ReceiveFlags;
import dev.zmqffm.SendFlags;
import dev.zmqffm.Socket;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.SocketType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-call cost and allocation of the hot paths: one send and one receive over an inproc PAIR in
 * the same thread (no network, no other thread), so the binding's own overhead is what is
 * measured. Run with {@code -prof gc} to see bytes allocated per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SocketBenchmark {
    @Param({"64", "1024"})
    public int size;

    private Context ctx;
    private Socket out;
    private Socket in;
    private Message sendMsg;
    private Message recvMsg;
    private byte[] bytes;
    private byte[] buffer;
    private Arena arena;
    private MemorySegment copyTarget;

    @Setup(Level.Trial)
    public void setUp() {
        ctx = Context.create();
        out = ctx.socket(SocketType.PAIR);
        in = ctx.socket(SocketType.PAIR);
        out.set(SocketOptions.SNDHWM, 0);
        in.set(SocketOptions.RCVHWM, 0);
        out.connect(in.bind("inproc://jmh"));
        sendMsg = new Message();
        recvMsg = new Message();
        bytes = new byte[size];
        buffer = new byte[size];
        arena = Arena.ofConfined();
        copyTarget = arena.allocate(size);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sendMsg.close();
        recvMsg.close();
        arena.close();
        ctx.close();
    }

    /** Reused Message: rebuild, send, receive into a reused Message, read its size. */
    @Benchmark
    public long messageRoundTrip() {
        sendMsg.rebuild(size);
        out.send(sendMsg, SendFlags.NONE);
        in.receive(recvMsg, ReceiveFlags.NONE);
        return recvMsg.size();
    }

    /** Reused Message with the payload copied out without a view. */
    @Benchmark
    public long messageRoundTripCopyOut() {
        sendMsg.rebuild(size);
        out.send(sendMsg, SendFlags.NONE);
        in.receive(recvMsg, ReceiveFlags.NONE);
        return recvMsg.copyTo(copyTarget);
    }

    /** Zero-copy view of the received payload: one confined arena per received payload. */
    @Benchmark
    public byte messageRoundTripView() {
        sendMsg.rebuild(size);
        out.send(sendMsg, SendFlags.NONE);
        in.receive(recvMsg, ReceiveFlags.NONE);
        return recvMsg.data().get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0);
    }

    /** byte[] in, reused byte[] out. */
    @Benchmark
    public int bytesRoundTrip() {
        out.send(bytes, SendFlags.NONE);
        return in.receive(buffer, ReceiveFlags.NONE);
    }

    /** byte[] in, a new byte[] out (receiveBytes allocates the result). */
    @Benchmark
    public int bytesRoundTripAllocating() {
        out.send(bytes, SendFlags.NONE);
        return in.receiveBytes().orElseThrow().length;
    }

    /** The cheapest call there is: a critical downcall through the API. */
    @Benchmark
    public long messageSize() {
        return recvMsg.size();
    }
}
