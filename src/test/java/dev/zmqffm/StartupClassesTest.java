package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.testing.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a fresh process's first round trip makes the JVM generate, from its class-load log
 * (independent of the machine's load, unlike the timings of {@code scripts/bench --startup}):
 * each lambda, each distinct downcall signature and each JFR event class costs a class, and the
 * first ones milliseconds each (README "Startup").
 */
class StartupClassesTest {
    /** Main of the forked JVM: the round trip of {@code StartupRoundTrip}. */
    public static final class RoundTrip {
        public static void main(String[] args) {
            try (Context ctx = Context.create();
                 Socket rep = ctx.socket(SocketType.REP);
                 Socket req = ctx.socket(SocketType.REQ)) {
                req.connect(rep.bind("tcp://127.0.0.1:*"));
                req.send("hello");
                rep.send(rep.receiveString().orElseThrow());
                if (!req.receiveString().orElseThrow().equals("hello")) {
                    System.exit(3);
                }
            }
        }
    }

    private static List<String> loaded() {
        ForkedJvm.Result r = ForkedJvm.run(List.of("-Xlog:class+load=info"), RoundTrip.class.getName(), List.of(), 60);
        assertEquals(0, r.exitCode(), r.evidence());
        return r.stdout().lines().filter(l -> l.contains("[class,load]")).toList();
    }

    @Test
    @Timeout(90)
    void theFirstRoundTripSpinsNoLambdaNoJfrClassAndOneStubPerSignature() {
        List<String> loaded = loaded();
        List<String> lambdas = loaded.stream().filter(l -> l.contains(" dev.zmqffm.") && l.contains("$$Lambda")).toList();
        assertEquals(List.of(), lambdas, "lambdas and method references on the first round trip's path");
        List<String> jfr = loaded.stream().filter(l -> l.contains(" jdk.jfr.Event ") || l.contains(".internal.jfr.")
                && !l.contains(".internal.jfr.Events ")).toList();
        assertEquals(List.of(), jfr, "JFR event classes loaded with JFR off");
        // Ten distinct (descriptor, linker options) pairs, and an eleventh when a receive finds
        // nothing on its DONTWAIT attempt and waits in the ordinary blocking call.
        long stubs = loaded.stream().filter(l -> l.contains("jdk.internal.foreign.abi.DowncallStub")).count();
        assertTrue(stubs > 0 && stubs <= 11, stubs + " downcall stubs:\n" + String.join("\n",
                loaded.stream().filter(l -> l.contains("LibZmq$")).toList()));
    }
}
