package dev.zmqffm.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Lets the JIT compiler finish before a timed run: on a machine with few cores its threads
 * would otherwise compete with the measured threads for the CPU.
 */
final class JitWarmUp {
    /**
     * Where the untimed warm-up pass runs: the same loops as the measurement, over inproc for an
     * inproc measurement and over loopback tcp otherwise — sockets with an inproc endpoint take
     * the engine's non-critical path, so an inproc warm-up would train the JIT on the other
     * branch.
     */
    static String endpoint(String measured) {
        return measured.startsWith("inproc:") ? "inproc://jit-warm-up" : "tcp://127.0.0.1:*";
    }

    private JitWarmUp() {}

    /** The message size of the warm-up pass: the measured one, up to 64 KiB. */
    static int size(int measuredSize) {
        return Math.min(measuredSize, 65536);
    }

    /**
     * Messages (throughput) or round trips (latency) of the warm-up pass. A throughput run waits
     * only when its queue runs dry or full, once in hundreds of small messages: the pass must be
     * long enough for those waiting paths to be compiled too (with 200,000 messages the engine's
     * {@code await} was still compiled, and deoptimised, inside the timed run; -XX:+PrintCompilation).
     */
    static int count(boolean throughput, int measuredSize) {
        if (!throughput) {
            return 20_000;
        }
        return measuredSize <= 64 ? 2_000_000 : measuredSize <= 1024 ? 500_000 : 20_000;
    }

    /** Returns once compilation time has not grown for 200 ms, or after 5 s at most. */
    static void awaitQuietCompiler() throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            Thread.sleep(1000);
            return;
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        long before = jit.getTotalCompilationTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(200);
            long now = jit.getTotalCompilationTime();
            if (now == before) {
                return;
            }
            before = now;
        }
    }
}
