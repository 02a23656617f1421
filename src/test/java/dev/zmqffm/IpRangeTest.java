package dev.zmqffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpRangeTest {

    @Test
    void cidrMatchesOnBits() {
        IpRange r = IpRange.parse("192.168.16.0/20");
        assertTrue(r.contains(IpRange.address("192.168.31.255")));
        assertFalse(r.contains(IpRange.address("192.168.32.0")));
        assertEquals("192.168.16.0/20", IpRange.parse("192.168.17.9/20").toString(), "host bits cleared");
        assertTrue(IpRange.parse("0.0.0.0/0").contains(IpRange.address("8.8.8.8")));
        assertFalse(IpRange.parse("0.0.0.0/0").contains(IpRange.address("::1")), "families never mix");
    }

    @Test
    void ipv4MappedIsNormalisedOnBothSides() {
        assertEquals(4, IpRange.address("::ffff:127.0.0.1").length);
        assertEquals(IpRange.parse("10.0.0.0/8"), IpRange.parse("::ffff:10.0.0.0/104"));
        assertTrue(IpRange.parse("::ffff:10.0.0.1").contains(IpRange.address("10.0.0.1")));
        assertTrue(IpRange.parse("10.0.0.1").contains(IpRange.address("[::ffff:10.0.0.1]")));
        assertEquals(16, IpRange.address("::1").length);
    }
}
