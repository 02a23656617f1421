package dev.zmqffm;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * An IP address range in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}, or one address),
 * matched on bytes, never on text: IPv4-mapped IPv6 addresses ({@code ::ffff:10.1.2.3}, what a
 * dual-stack listener reports for an IPv4 peer) are normalised to IPv4 on both sides, so a rule for
 * {@code 10.0.0.0/8} matches them and cannot be bypassed through the mapped form.
 *
 * @param network the range's first address, normalised (4 or 16 bytes)
 * @param prefix the number of leading bits that must match
 */
record IpRange(byte[] network, int prefix) {

    /**
     * Parses {@code address[/prefix]}. Only literal addresses: a host name would mean a DNS
     * lookup on every request and a policy that changes with DNS.
     */
    static IpRange parse(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] addr = address(slash < 0 ? cidr : cidr.substring(0, slash));
        int max = addr.length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR prefix length: " + cidr);
            }
            boolean mapped = slash >= 0 && addr.length == 4 && cidr.indexOf(':') >= 0;
            if (mapped) {
                // ::ffff:10.0.0.0/104 is 10.0.0.0/8.
                prefix -= 96;
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("CIDR prefix out of range: " + cidr);
            }
        }
        byte[] network = addr.clone();
        for (int bit = prefix; bit < max; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return new IpRange(network, prefix);
    }

    /** The normalised bytes of a literal address, or throws. */
    static byte[] address(String literal) {
        String text = literal.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        InetAddress a;
        try {
            a = InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a literal IP address: " + literal);
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address && isMappedV4(b)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        return b;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    }

    /** Whether {@code addr} (normalised bytes) is in this range. */
    boolean contains(byte[] addr) {
        if (addr.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((addr[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** Whether an address is IPv4 (after normalisation). */
    static boolean isV4(byte[] addr) {
        return addr.length == 4;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && r.prefix == prefix && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefix;
    }

    @Override
    public String toString() {
        try {
            return (network.length == 4 ? Inet4Address.getByAddress(network) : InetAddress.getByAddress(network))
                    .getHostAddress() + "/" + prefix;
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
