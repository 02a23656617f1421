package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CurveKeyTest {

    @Test
    void z85RoundTripsAndMatchesBytes() {
        byte[] raw = new byte[32];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 7 + 1);
        }
        CurveKey k = CurveKey.ofBytes(raw);
        String z85 = k.toZ85();
        assertEquals(40, z85.length());
        assertEquals(k, CurveKey.fromZ85(z85));
        assertArrayEquals(raw, CurveKey.fromZ85(z85).bytes());
        assertEquals(z85, k.toString());
        assertEquals(k.hashCode(), CurveKey.ofBytes(raw).hashCode());
    }

    @Test
    void keyPairsAreConsistent() {
        CurveKey.KeyPair a = CurveKey.generateKeyPair();
        CurveKey.KeyPair b = CurveKey.generateKeyPair();
        assertNotEquals(a.secretKey(), b.secretKey());
        assertEquals(a.publicKey(), CurveKey.publicKeyOf(a.secretKey()));
    }

    @Test
    void keyPairNeverPrintsItsSecret() {
        CurveKey.KeyPair pair = CurveKey.generateKeyPair();
        String secret = new String(pair.secretKey().toZ85());
        assertFalse(pair.toString().contains(secret), pair.toString());
        assertTrue(pair.toString().contains(pair.publicKey().toZ85()), pair.toString());
        assertTrue(pair.toString().contains("SecretKey[redacted]"), pair.toString());
    }

    @Test
    void rejectedTextIsNotEchoed() {
        String almost = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf" + "\u00e9";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CurveKey.fromZ85(almost));
        assertFalse(e.getMessage().contains("rq:rM>}U"), e.getMessage());
        IllegalArgumentException overflow = assertThrows(IllegalArgumentException.class,
                () -> CurveKey.fromZ85("#####" + "0".repeat(35)));
        assertFalse(overflow.getMessage().contains("#####"), overflow.getMessage());
    }

    @Test
    void javaZ85MatchesLibzmq() {
        // The published test key of zmq_curve(7) and its bytes as libzmq decodes them.
        CurveKey k = CurveKey.fromZ85("rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7");
        assertEquals("rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7", k.toZ85());
        assertEquals(0x54, k.bytes()[0] & 0xFF);
        CurveKey.KeyPair pair = CurveKey.generateKeyPair();
        assertEquals(pair.publicKey(), CurveKey.fromZ85(pair.publicKey().toZ85()));
    }

    @Test
    void malformedKeysAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CurveKey.ofBytes(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> CurveKey.fromZ85("short"));
        assertThrows(IllegalArgumentException.class,
                () -> CurveKey.fromZ85("0123456789012345678901234567890123456\u000089"));
        assertThrows(IllegalArgumentException.class,
                () -> CurveKey.fromZ85("0123456789012345678901234567890123456 89"));
    }

    @Test
    void curveHandshakeCarriesMessagesEncrypted() {
        CurveKey.KeyPair server = CurveKey.generateKeyPair();
        CurveKey.KeyPair client = CurveKey.generateKeyPair();
        try (Context ctx = Context.create();
             Socket rep = ctx.socket(SocketType.REP);
             Socket req = ctx.socket(SocketType.REQ)) {
            rep.set(SocketOptions.CURVE_SERVER, true);
            rep.set(SocketOptions.CURVE_SECRETKEY, server.secretKey());
            String ep = rep.bind("tcp://127.0.0.1:*");
            req.set(SocketOptions.CURVE_SERVERKEY, CurveKey.fromZ85(server.publicKey().toZ85()));
            req.set(SocketOptions.CURVE_PUBLICKEY, client.publicKey());
            req.set(SocketOptions.CURVE_SECRETKEY, client.secretKey());
            req.connect(ep);
            req.send("secret hello");
            assertEquals(Optional.of("secret hello"), rep.receiveString(Duration.ofSeconds(10)));
            rep.send("secret world");
            assertEquals(Optional.of("secret world"), req.receiveString(Duration.ofSeconds(10)));
        }
    }
}
