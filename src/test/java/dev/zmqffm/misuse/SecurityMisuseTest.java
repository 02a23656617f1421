package dev.zmqffm.misuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.testing.ForkedJvm;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ZAP abort paths of libzmq, each in a forked JVM: a clean exit and the expected steps. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SecurityMisuseTest {

    private static String run(String scenario, String... expectedSteps) {
        return AbortTest.run(SecurityScenario.class, scenario, expectedSteps);
    }

    @Test
    void plainWithAnEmptyDomainIsRefusedOrDenied() {
        run("plain-empty-domain", "secure-empty-domain: InsecureConfigurationException", "delivered: false");
    }

    @Test
    void closingTheAuthenticatorWhileClientsHandshakeDeniesUntilServersClose() {
        String out = run("close-while-handshaking", "rounds: " + SecurityScenario.ROUNDS);
        assertEquals(SecurityScenario.ROUNDS, out.lines().filter("running-after-close: true"::equals).count(), out);
        assertEquals(SecurityScenario.ROUNDS, out.lines().filter("ended: true"::equals).count(), out);
    }

    @Test
    void aConnectingServerWithASlowVerifierNeverGetsALateReply() {
        run("connecting-server-slow-verifier", "delivered: false");
    }

    /** scripts/soak auth in small: the same checks over 300 attack connections per mechanism and round. */
    @Test
    void attackersNeverGetAFrameInWhileLegitimateClientsKeepTalking() {
        ForkedJvm.Result r = ForkedJvm.run(List.of("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"),
                "dev.zmqffm.bench.AuthSoak", List.of("300"), 240);
        assertEquals(0, r.exitCode(), r.evidence());
        assertTrue(r.stdout().contains("RESULT unauthenticated-frames=0 "), r.evidence());
        assertTrue(r.stdout().contains("RESULT verdict=PASS"), r.evidence());
        assertEquals(3, r.stdout().lines().filter(l -> l.startsWith("RESULT mechanism=")).count(), r.evidence());
    }

    @Test
    void closingTheContextUnderPendingVerdictsIsClean() {
        String out = run("context-close-under-load");
        assertEquals(SecurityScenario.ROUNDS, out.lines().filter("ended: true"::equals).count(), out);
        out.lines().filter(l -> l.startsWith("close-ms: ")).forEach(l ->
                assertTrue(Long.parseLong(l.substring(10)) < 2000, out));
    }
}
