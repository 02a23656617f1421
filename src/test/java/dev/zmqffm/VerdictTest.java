package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void allowAndDeny() {
        Verdict a = Verdict.allow("u", Map.of("Tenant", "t"));
        assertTrue(a.allowed());
        assertEquals("u", a.userId());
        Verdict d = Verdict.deny("nope");
        assertFalse(d.allowed());
        assertEquals("", d.userId());
        assertEquals("nope", d.reason());
    }

    @Test
    void metadataIsCopiedAndChecked() {
        Map<String, String> m = new HashMap<>(Map.of("A", "1"));
        Verdict v = Verdict.allow("u", m);
        m.put("B", "2");
        assertEquals(Map.of("A", "1"), v.metadata());
        assertThrows(IllegalArgumentException.class, () -> Verdict.allow("u", Map.of("", "x")));
        assertThrows(IllegalArgumentException.class, () -> Verdict.allow("u", Map.of("x".repeat(256), "x")));
        assertThrows(IllegalArgumentException.class, () -> Verdict.allow("u", Map.of("user-id", "root")));
    }
}
