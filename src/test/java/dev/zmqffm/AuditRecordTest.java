package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditRecordTest {
    @Test
    void allowedMeansStatus200() {
        assertTrue(new AuditRecord(Instant.now(), "d", "127.0.0.1", Mechanism.PLAIN, "u", 200, "u", "allowed",
                Duration.ZERO).allowed());
        for (int status : new int[] {300, 400, 500}) {
            assertFalse(new AuditRecord(Instant.now(), "d", "127.0.0.1", Mechanism.CURVE, "k", status, "", "x",
                    Duration.ZERO).allowed());
        }
    }
}
