package io.bokit.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The SSRF guard: resolves a host and refuses it when any of its addresses is loopback, link-local,
 * private, shared (CGNAT), multicast, reserved or unspecified, unless the allow-list covers it.
 * IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address.
 */
final class AddressGuard {
    private static final List<CidrRange> CGNAT = List.of(CidrRange.parse("100.64.0.0/10"));
    private static final CidrRange THIS_NETWORK = CidrRange.parse("0.0.0.0/8");
    private static final CidrRange RESERVED = CidrRange.parse("240.0.0.0/4");
    private static final CidrRange UNIQUE_LOCAL = CidrRange.parse("fc00::/7");
    private static final CidrRange NAT64 = CidrRange.parse("64:ff9b::/96");
    private static final CidrRange SIX_TO_FOUR = CidrRange.parse("2002::/16");

    private final HostResolver resolver;
    private final List<CidrRange> allowed;
    private final String remedy;

    AddressGuard(HostResolver resolver, List<CidrRange> allowed) {
        this(resolver, allowed, HttpFetchSettings.DEFAULT_REFUSAL_REMEDY);
    }

    /** @param remedy what a refusal says after the address: how the host lets it through on purpose */
    AddressGuard(HostResolver resolver, List<CidrRange> allowed, String remedy) {
        this.resolver = resolver;
        this.allowed = List.copyOf(allowed);
        this.remedy = remedy;
    }

    /** What the guard made of a host: the addresses it checked, or why it refused. */
    sealed interface Verdict {}

    /** Every address the host resolved to passed; a connection may go to these and to no other. */
    record Passed(List<InetAddress> addresses) implements Verdict {
        Passed {
            addresses = List.copyOf(addresses);
        }
    }

    /** The host may not be fetched, for this reason. */
    record Refused(String message) implements Verdict {}

    /**
     * Resolves the host once and checks every address it resolved to.
     *
     * @param host a host as in a URI, IPv6 literals possibly in brackets
     * @return the checked addresses, in the resolver's order, or the refusal
     */
    Verdict check(String host) {
        String name = unbracketed(host);
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            return new Refused("cannot resolve host " + host);
        }
        if (addresses == null || addresses.isEmpty()) {
            return new Refused("cannot resolve host " + host);
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = forbiddenKind(address);
            if (kind.isPresent()) {
                return new Refused("refused: " + host + " resolves to " + kind.get() + " (" + address.getHostAddress()
                        + "); " + remedy);
            }
        }
        return new Passed(addresses);
    }

    /**
     * Why the host may not be fetched, or empty if it may.
     *
     * @param host a host as in a URI, IPv6 literals possibly in brackets
     */
    Optional<String> refusal(String host) {
        return check(host) instanceof Refused refused ? Optional.of(refused.message()) : Optional.empty();
    }

    /** The host without the brackets of an IPv6 literal. */
    static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The kind of a forbidden address ("a loopback address"…), or empty if it is public or allowed. */
    Optional<String> forbiddenKind(InetAddress address) {
        InetAddress judged = embeddedIpv4(address).orElse(address);
        if (isAllowed(address) || isAllowed(judged)) {
            return Optional.empty();
        }
        return kind(judged);
    }

    private boolean isAllowed(InetAddress address) {
        return allowed.stream().anyMatch(range -> range.contains(address));
    }

    private static Optional<String> kind(InetAddress address) {
        if (address.isAnyLocalAddress() || THIS_NETWORK.contains(address)) {
            return Optional.of("an unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (address.isSiteLocalAddress() || UNIQUE_LOCAL.contains(address)) {
            return Optional.of("a private address");
        }
        if (CGNAT.stream().anyMatch(range -> range.contains(address))) {
            return Optional.of("a shared (carrier-grade NAT) address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (RESERVED.contains(address)) {
            return Optional.of("a reserved address");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address. */
    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        boolean firstTenZero = Arrays.equals(Arrays.copyOfRange(bytes, 0, 10), new byte[10]);
        boolean mapped = firstTenZero && bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
        boolean compatible = firstTenZero
                && bytes[10] == 0
                && bytes[11] == 0
                && !address.isAnyLocalAddress()
                && !address.isLoopbackAddress();
        if (mapped || compatible || NAT64.contains(address)) {
            return Optional.of(ipv4(Arrays.copyOfRange(bytes, 12, 16)));
        }
        if (SIX_TO_FOUR.contains(address)) {
            return Optional.of(ipv4(Arrays.copyOfRange(bytes, 2, 6)));
        }
        return Optional.empty();
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return Inet4Address.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
