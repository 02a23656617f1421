package dev.zmqffm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ZAP requests decode themselves, replies encode themselves (ZapRequest and ZapReply). */
class ZapRequestTest {
    private static List<byte[]> frames(String... parts) {
        List<byte[]> f = new ArrayList<>();
        for (String p : parts) {
            f.add(p.getBytes(UTF_8));
        }
        return f;
    }

    @Test
    void decodesAPlainRequestAndNeverPrintsThePassword() throws Exception {
        ZapRequest r = ZapRequest.decode(frames("rid", "", "1.0", "1", "dom", "10.0.0.1", "", "PLAIN", "alice", "s3cret"));
        assertEquals(2, r.envelope().size());
        assertEquals("dom", r.domain());
        assertEquals("10.0.0.1", r.address());
        assertEquals(Mechanism.PLAIN, r.mechanism());
        assertEquals("alice", r.principal());
        assertFalse(r.toString().contains("s3cret"), r.toString());
    }

    @Test
    void malformedKeepsTheEnvelope() {
        ZapRequest.Malformed m = assertThrows(ZapRequest.Malformed.class,
                () -> ZapRequest.decode(frames("rid", "", "1.0", "7", "dom")));
        assertEquals(2, m.envelope.size());
        assertEquals("7", new String(m.requestId, UTF_8));
    }

    @Test
    void replyHasTheSevenFramesLibzmqChecks() {
        ZapReply reply = new ZapReply(List.of("rid".getBytes(UTF_8), new byte[0]), "1".getBytes(UTF_8), 200, "OK", "u",
                Map.of("K", "v"));
        List<byte[]> f = reply.frames();
        assertEquals(2 + 6, f.size());
        assertEquals("200", new String(f.get(4), UTF_8));
        byte[] meta = f.get(7);
        assertEquals(1 + 1 + 4 + 1, meta.length);
        assertEquals(1, meta[0]);
        assertEquals(1, meta[5]);
        assertThrows(IllegalArgumentException.class, () -> new ZapReply(List.of(), new byte[0], 201, "", "", Map.of()));
        List<byte[]> denied = new ZapReply(List.of(new byte[0]), new byte[0], 400, "denied", "u", Map.of("K", "v")).frames();
        assertEquals(0, denied.get(5).length, "no User-Id on a denial");
        assertEquals(0, denied.get(6).length, "no metadata on a denial");
    }
}
