package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DomainPolicyTest {

    @Test
    void nothingIsAcceptedUnlessConfigured() {
        DomainPolicy p = DomainPolicy.builder().build();
        for (Mechanism m : Mechanism.values()) {
            assertFalse(p.accepts(m), m.name());
        }
        DomainPolicy all = DomainPolicy.builder().allowNull().allowAddresses("127.0.0.1")
                .plain(PasswordStore.of(Map.of())).curveAnyClientKey().gssapiPrincipals(Set.of("x")).build();
        for (Mechanism m : Mechanism.values()) {
            assertTrue(all.accepts(m), m.name());
        }
        assertTrue(all.acceptsAnyClientKey());
    }

    @Test
    void nullNeedsAnAllowList() {
        assertThrows(IllegalStateException.class, () -> DomainPolicy.builder().allowNull().build());
        assertThrows(IllegalStateException.class,
                () -> DomainPolicy.builder().allowNull().denyAddresses("10.0.0.0/8").build());
    }

    @Test
    void oneCurveSource() {
        DomainPolicy.Builder b = DomainPolicy.builder().curveKeys(List.of());
        assertThrows(IllegalStateException.class, b::curveAnyClientKey);
        assertThrows(IllegalStateException.class, () -> b.curveCertificates(Path.of("x")));
        assertThrows(IllegalStateException.class,
                () -> b.curveVerifier((d, a, k) -> CompletableFuture.completedFuture(Verdict.allow("x")), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> DomainPolicy.builder()
                .curveVerifier((d, a, k) -> null, Duration.ZERO));
    }

    @Test
    void addressRulesDenyWinsAndMappedFormsMatch() {
        DomainPolicy p = DomainPolicy.builder().allowAddresses("10.0.0.0/8", "2001:db8::/32")
                .denyAddresses("10.66.0.0/16").build();
        assertNull(p.checkAddress("10.1.2.3"));
        assertNull(p.checkAddress("::ffff:10.1.2.3"));
        assertNull(p.checkAddress("2001:db8::1"));
        assertEquals(400, p.checkAddress("10.66.1.1").status());
        assertEquals(400, p.checkAddress("::ffff:10.66.1.1").status());
        assertEquals(400, p.checkAddress("192.0.2.1").status());
        assertEquals(400, p.checkAddress("").status(), "no address (ipc) with rules");
        assertEquals(400, p.checkAddress("example.org").status(), "never resolved");
        assertNull(DomainPolicy.builder().build().checkAddress(""), "no rules, no check");
    }

    @Test
    void malformedRulesAreRejected() {
        for (String bad : List.of("10.0.0.0/33", "::/129", "10.0.0.0/x", "example.org", "10.0.0.0/-1", "")) {
            assertThrows(IllegalArgumentException.class, () -> DomainPolicy.builder().allowAddresses(bad), bad);
        }
    }
}
