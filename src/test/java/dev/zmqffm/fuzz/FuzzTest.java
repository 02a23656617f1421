package dev.zmqffm.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.testing.ForkedJvm;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The short fuzzer run of the default suite: a few seeds, each {@value #OPERATIONS} random
 * operations in a forked JVM ({@link Fuzzer}). Fails on any JVM death (no {@code RESULT} line,
 * or a non-zero status: 134 abort, 139 segfault), hang (status 3, every thread printed) or
 * undocumented exception, naming the seed. Replay one with
 * {@code mvn verify -Dtest=FuzzTest -Dzmqffm.fuzz.seed=SEED [-Dzmqffm.fuzz.ops=N]};
 * {@code scripts/soak fuzz} runs a million operations.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FuzzTest {
    static final int OPERATIONS = 3000;

    @Test
    void randomApiSequencesNeverKillHangOrThrowUndocumented() {
        String fixed = System.getProperty("zmqffm.fuzz.seed");
        long ops = Long.getLong("zmqffm.fuzz.ops", OPERATIONS);
        List<Long> seeds = new ArrayList<>();
        if (fixed != null) {
            seeds.add(Long.parseLong(fixed));
        } else {
            seeds.addAll(List.of(1L, 2L, 3L, 4L));
        }
        for (long seed : seeds) {
            ForkedJvm.Result r = ForkedJvm.run(List.of(), Fuzzer.class.getName(),
                    List.of(Long.toString(seed), Long.toString(ops)), Fuzzer.OP_TIMEOUT_SECONDS * 4 + 60);
            String tail = r.stdout().length() > 20_000 ? r.stdout().substring(r.stdout().length() - 20_000) : r.stdout();
            String evidence = "seed " + seed + " (replay: -Dzmqffm.fuzz.seed=" + seed + ")\nexit=" + r.exitCode()
                    + "\n" + tail + "\n--- stderr ---\n" + r.stderr();
            System.out.println(r.stdout().lines().filter(l -> l.startsWith("RESULT")).findFirst()
                    .orElse("no RESULT for seed " + seed));
            assertFalse(r.timedOut(), "the fuzzer JVM did not finish: " + evidence);
            assertEquals(0, r.exitCode(), "JVM death or hang: " + evidence);
            assertTrue(r.stdout().contains("RESULT seed=" + seed), evidence);
            assertTrue(r.stdout().contains(" undocumented=0 hangs=0"), "undocumented exceptions: " + evidence);
        }
    }
}
