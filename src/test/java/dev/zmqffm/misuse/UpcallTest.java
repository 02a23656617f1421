package dev.zmqffm.misuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.testing.ForkedJvm;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A critical downcall never reaches the zero-copy free callback: the paths where libzmq releases
 * a wrapped frame inside a send or receive run in a forked JVM, which an upcall inside a critical
 * call would crash.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class UpcallTest {

    private static String run(String... args) {
        ForkedJvm.Result r = ForkedJvm.run(UpcallScenario.class, args);
        assertEquals(0, r.exitCode(), r.evidence());
        assertTrue(r.stdout().contains("DONE"), r.evidence());
        assertTrue(r.stdout().contains("pending: 0"), "a wrapped frame was never released\n" + r.evidence());
        return r.stdout();
    }

    @Test
    void receivingOverAWrappedFrameFromInprocIsSafe() {
        run("receive-over-wrapped");
    }

    @Test
    void framesDroppedInsideASendAreSafe() {
        run("dropped-by-send");
    }

    @Test
    void copyingReceivesReleaseAWrappedFrameAtOnce() {
        for (String form : new String[] {"bytes", "array", "segment"}) {
            String out = run("receive-bytes", form);
            assertTrue(out.contains("late: 0"), form + ": a tracker stayed pending after the receive\n" + out);
        }
    }
}
