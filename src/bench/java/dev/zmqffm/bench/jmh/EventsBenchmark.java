package dev.zmqffm.bench.jmh;

import dev.zmqffm.internal.jfr.Events;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the JFR facade costs on the send/receive hot path: {@code beginReceive} + {@code endReceive}
 * around a stand-in for the call, against the stand-in alone. Three settings: no recording (the
 * claim: at most 1 ns more than the baseline), a recording with the JDK's default settings but
 * {@code zmqffm.Receive} disabled, and the default settings as they are, where the event is on and
 * a fast call stays under its 20 ms threshold (two timestamps are read, nothing is written).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventsBenchmark {
    private long counter;

    private long work() {
        return counter++;          // stands in for the downcall: something the JIT cannot remove
    }

    @Benchmark
    @Fork(1)
    public long baseline() {
        return work();
    }

    @Benchmark
    @Fork(1)
    public long receiveNotRecorded() {
        Object begun = Events.beginReceive();
        long n = work();
        Events.endReceive(begun, "REP", 1, n, -1, true);
        return n;
    }

    /** A recording with the JDK's default settings, running for the whole fork. */
    @State(Scope.Benchmark)
    public static class DefaultRecording {
        Recording recording;

        void start(boolean receiveEnabled) throws Exception {
            recording = new Recording(Configuration.getConfiguration("default"));
            if (!receiveEnabled) {
                recording.disable("zmqffm.Receive");
            }
            recording.start();
        }

        @TearDown
        public void stop() {
            recording.close();
        }
    }

    /** The default recording with zmqffm.Receive disabled. */
    public static class ReceiveDisabled extends DefaultRecording {
        @Setup
        public void setUp() throws Exception {
            start(false);
        }
    }

    /** The default recording as it is: zmqffm.Receive enabled, threshold 20 ms. */
    public static class ReceiveEnabled extends DefaultRecording {
        @Setup
        public void setUp() throws Exception {
            start(true);
        }
    }

    @Benchmark
    @Fork(1)
    public long receiveRecordingWithTheEventDisabled(ReceiveDisabled recording) {
        Object begun = Events.beginReceive();
        long n = work();
        Events.endReceive(begun, "REP", 1, n, -1, true);
        return n;
    }

    @Benchmark
    @Fork(1)
    public long receiveRecordedUnderThreshold(ReceiveEnabled recording) {
        Object begun = Events.beginReceive();
        long n = work();
        Events.endReceive(begun, "REP", 1, n, -1, true);
        return n;
    }
}
