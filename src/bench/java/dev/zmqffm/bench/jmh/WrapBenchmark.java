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
 * Where wrapping caller memory starts to beat copying it: each operation sends one message made
 * from a native segment, by {@code Message.copyOf} or {@code Message.wrap}, and receives it
 * (releasing the previous one, which runs the free callback for wrapped messages). Chose
 * {@link Message#WRAP_THRESHOLD}; payloads below the threshold are copied by {@code wrap} itself,
 * so measure with sizes at or above it, or compare against {@code copy}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WrapBenchmark {
    @Param({"64", "256", "1024", "4096", "16384", "65536"})
    public int size;

    private Context ctx;
    private Socket out;
    private Socket in;
    private Message recvMsg;
    private Arena arena;
    private MemorySegment payload;

    @Setup(Level.Trial)
    public void setUp() {
        ctx = Context.create();
        out = ctx.socket(SocketType.PAIR);
        in = ctx.socket(SocketType.PAIR);
        out.set(SocketOptions.SNDHWM, 0);
        in.set(SocketOptions.RCVHWM, 0);
        out.connect(in.bind("inproc://wrap"));
        recvMsg = new Message();
        arena = Arena.ofShared();
        payload = arena.allocate(size);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        recvMsg.close();
        ctx.close();
        arena.close();
    }

    @Benchmark
    public long copy() {
        try (Message m = Message.copyOf(payload)) {
            out.send(m, SendFlags.NONE);
        }
        in.receive(recvMsg, ReceiveFlags.NONE);
        return recvMsg.size();
    }

    @Benchmark
    public long wrap() {
        try (Message m = Message.wrap(payload)) {
            out.send(m, SendFlags.NONE);
        }
        in.receive(recvMsg, ReceiveFlags.NONE);
        return recvMsg.size();
    }
}
