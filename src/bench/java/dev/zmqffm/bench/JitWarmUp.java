package dev.zmqffm.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Lets the JIT compiler finish before a timed run: on a machine with few cores its threads
 * would otherwise compete with the measured threads for the CPU.
 */
final class JitWarmUp {
    private JitWarmUp() {}

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
