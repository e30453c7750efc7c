package io.bokit.http;

import io.bokit.core.domain.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}, {@code 127.0.0.2/32})
 * that the SSRF guard lets through.
 *
 * @param network the first address of the block, not null
 * @param prefixLength how many leading bits are fixed: 0–32 for IPv4, 0–128 for IPv6
 */
public record CidrRange(InetAddress network, int prefixLength) {
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    /** Validates the prefix length against the address family and clears the host bits. */
    public CidrRange {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new InvalidInputException("prefixLength must be between 0 and " + bits + " for "
                    + network.getHostAddress() + ", was " + prefixLength);
        }
        network = masked(network, prefixLength);
    }

    /**
     * Parses {@code address/prefix}, or a bare address meaning a block of one.
     *
     * @param text an IPv4 or IPv6 literal with an optional {@code /prefix}, not null; never resolved by DNS
     * @return the range, never null
     * @throws InvalidInputException if the text is not such a literal
     */
    public static CidrRange parse(String text) {
        Objects.requireNonNull(text, "text");
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (!LITERAL.matcher(address).matches() || !(address.indexOf('.') >= 0 || address.indexOf(':') >= 0)) {
            throw new InvalidInputException(
                    "allowed address must be an IP literal in CIDR notation like 10.0.0.0/8 or fd00::/8, was " + text);
        }
        InetAddress network;
        try {
            network = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new InvalidInputException(
                    "allowed address must be an IP literal in CIDR notation like 10.0.0.0/8 or fd00::/8, was " + text);
        }
        int bits = network.getAddress().length * 8;
        if (slash < 0) {
            return new CidrRange(network, bits);
        }
        try {
            return new CidrRange(network, Integer.parseInt(value.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    "allowed address prefix must be a number between 0 and " + bits + ", was " + text);
        }
    }

    /**
     * Whether the address lies in this block; an IPv4 range never contains an IPv6 address.
     *
     * @param address any address, not null
     * @return true if inside; thread-safe
     */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] base = network.getAddress();
        if (candidate.length != base.length) {
            return false;
        }
        return masked(address, prefixLength).equals(network);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }

    private static InetAddress masked(InetAddress address, int prefixLength) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            bytes[i] &= (byte) (0xFF << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + bytes.length + " bytes", e);
        }
    }
}
