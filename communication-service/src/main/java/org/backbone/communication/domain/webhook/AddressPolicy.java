package org.backbone.communication.domain.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses a webhook may be delivered to (OWASP's SSRF defences): only public unicast ones —
 * never loopback, private, link-local, CGNAT, multicast, documentation, reserved, IPv6 unique-local, nor
 * a public-looking IPv6 form that embeds one of those IPv4 addresses (mapped, compatible, NAT64, 6to4) —
 * unless the address is on the explicit allow-list (development setups and tests; empty in production).
 */
public final class AddressPolicy {

    private static final List<Cidr> NOT_PUBLIC_V4 = Cidr.all("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24",
            "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

    private static final List<Cidr> NOT_PUBLIC_V6 = Cidr.all("::/128", "::1/128", "64:ff9b:1::/48", "100::/64",
            "2001::/23", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

    /**
     * IPv6 forms that carry an IPv4 address in their last four bytes, judged by that address. (IPv4-mapped
     * addresses, ::ffff:a.b.c.d, need no entry: Java turns them into the IPv4 address itself.)
     */
    private static final List<Cidr> EMBEDDING_V6 = Cidr.all("::/96", "64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private final List<Cidr> allowed;

    /** @param allowList addresses or CIDR ranges delivered to even when not public */
    public AddressPolicy(List<String> allowList) {
        this.allowed = allowList.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    public boolean allowListed(InetAddress address) {
        return allowed.stream().anyMatch(c -> c.contains(address));
    }

    /** Why a webhook may not be delivered to {@code address}, or null when it may. */
    public String problem(InetAddress address) {
        if (allowListed(address)) {
            return null;
        }
        return isPublic(address) ? null : address.getHostAddress() + " is not a public address";
    }

    /** Whether {@code address} is public unicast, with IPv6 forms that embed IPv4 judged by what they embed. */
    public static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address) {
            return NOT_PUBLIC_V4.stream().noneMatch(c -> c.contains(address));
        }
        byte[] bytes = address.getAddress();
        for (Cidr embedding : EMBEDDING_V6) {
            if (embedding.contains(address)) {
                return isPublic(v4(bytes, 12));
            }
        }
        if (SIX_TO_FOUR.contains(address)) {
            return isPublic(v4(bytes, 2));
        }
        return address instanceof Inet6Address && NOT_PUBLIC_V6.stream().noneMatch(c -> c.contains(address));
    }

    private static InetAddress v4(byte[] bytes, int from) {
        try {
            return InetAddress.getByAddress(new byte[] {bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An address range; a bare address is a range of one. */
    record Cidr(byte[] network, int bits) {

        static List<Cidr> all(String... ranges) {
            return java.util.Arrays.stream(ranges).map(Cidr::parse).toList();
        }

        static Cidr parse(String range) {
            int slash = range.indexOf('/');
            String host = slash < 0 ? range : range.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.]+")) {
                // only literals: a name here would be looked up once, at start, and trusted thereafter
                throw new IllegalArgumentException("not an address or CIDR range: " + range);
            }
            try {
                byte[] network = InetAddress.getByName(host).getAddress();
                int bits = slash < 0 ? network.length * 8 : Integer.parseInt(range.substring(slash + 1));
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("prefix length out of range: " + range);
                }
                return new Cidr(network, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an address or CIDR range: " + range, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (candidate[whole] & mask) == (network[whole] & mask);
        }
    }
}
