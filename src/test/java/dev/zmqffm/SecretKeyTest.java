package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SecretKeyTest {
    private static final String TEST_SECRET = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6";
    private static final String TEST_PUBLIC = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";

    @Test
    void toStringIsRedacted() {
        SecretKey k = SecretKey.fromZ85(TEST_SECRET);
        assertEquals("SecretKey[redacted]", k.toString());
        assertFalse(String.valueOf(k).contains("JTKV"));
    }

    @Test
    void derivesItsPublicKey() {
        assertEquals(CurveKey.fromZ85(TEST_PUBLIC), SecretKey.fromZ85(TEST_SECRET).publicKey());
    }

    @Test
    void wipeZeroesAndForbidsUse() {
        SecretKey k = SecretKey.fromZ85(TEST_SECRET);
        byte[] before = k.bytes();
        k.wipe();
        assertTrue(k.isWiped());
        assertEquals("SecretKey[wiped]", k.toString());
        assertThrows(IllegalStateException.class, k::bytes);
        assertThrows(IllegalStateException.class, k::toZ85);
        assertThrows(IllegalStateException.class, k::publicKey);
        assertEquals(32, before.length);
    }

    @Test
    void closeWipes() {
        SecretKey k = SecretKey.ofBytes(new byte[32]);
        try (k) {
            assertFalse(k.isWiped());
        }
        assertTrue(k.isWiped());
    }

    @Test
    void bytesAreCopiesBothWays() {
        byte[] raw = new byte[32];
        raw[0] = 7;
        SecretKey k = SecretKey.ofBytes(raw);
        raw[0] = 0;
        assertEquals(7, k.bytes()[0]);
        k.bytes()[0] = 9;
        assertEquals(7, k.bytes()[0]);
        assertArrayEquals(k.bytes(), SecretKey.fromZ85(k.toZ85()).bytes());
    }

    @Test
    void equalityComparesKeysAndHashLeaksNothing() {
        SecretKey a = SecretKey.fromZ85(TEST_SECRET);
        SecretKey b = SecretKey.fromZ85(TEST_SECRET);
        SecretKey c = CurveKey.generateKeyPair().secretKey();
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(a.hashCode(), c.hashCode());
    }

    @Test
    void rejectedTextIsNotEchoed() {
        String wrong = TEST_SECRET.substring(0, 39) + " ";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecretKey.fromZ85(wrong));
        assertFalse(e.getMessage().contains("JTKV"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SecretKey.ofBytes(new byte[31]));
    }

    @Test
    void secretOptionsAreWriteOnly() {
        try (Context ctx = Context.create(); Socket s = ctx.socket(SocketType.DEALER)) {
            s.set(SocketOptions.CURVE_SECRETKEY, SecretKey.fromZ85(TEST_SECRET));
            s.set(SocketOptions.PLAIN_PASSWORD, "hunter2");
            assertThrows(UnsupportedOperationException.class, () -> s.get(SocketOptions.CURVE_SECRETKEY));
            assertThrows(UnsupportedOperationException.class, () -> s.get(SocketOptions.PLAIN_PASSWORD));
            assertFalse(SocketOptions.CURVE_SECRETKEY.isReadable());
            assertFalse(SocketOptions.PLAIN_PASSWORD.isReadable());
        }
    }
}
