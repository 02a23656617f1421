package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** SecurityRule and InsecureConfigurationException. */
class SecurityRuleTest {
    @Test
    void warningsAreTheDeliberateOnes() {
        EnumSet<SecurityRule> warnings = EnumSet.noneOf(SecurityRule.class);
        for (SecurityRule r : SecurityRule.values()) {
            assertFalse(r.reason().isBlank(), r.name());
            if (r.severity() == SecurityRule.Severity.WARNING) {
                warnings.add(r);
            }
        }
        assertEquals(EnumSet.of(SecurityRule.ENCRYPTION_ONLY, SecurityRule.PLAIN_NOT_LOOPBACK_ALLOWED,
                SecurityRule.LIBZMQ_TOO_OLD_CLIENT), warnings);
    }

    @Test
    void exceptionNamesRuleDetailAndReason() {
        InsecureConfigurationException e = new InsecureConfigurationException(SecurityRule.EMPTY_DOMAIN, "on socket x");
        assertEquals(SecurityRule.EMPTY_DOMAIN, e.rule());
        assertTrue(e.getMessage().startsWith("EMPTY_DOMAIN: on socket x ("), e.getMessage());
        assertTrue(e.getMessage().contains(SecurityRule.EMPTY_DOMAIN.reason()));
    }
}
