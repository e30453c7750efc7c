package io.bokit.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to the addresses the SSRF guard checks and the fetcher then connects to: each
 * request looks its host up once, through this resolver only. Pluggable so tests (and hosts with
 * their own resolver) can map names without touching the network.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * Resolves a host name or an address literal.
     *
     * @param host a host name or an IPv4/IPv6 literal (without brackets), not null
     * @return every address the name resolves to, never null nor empty
     * @throws UnknownHostException if the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /**
     * The JVM's resolver, {@link InetAddress#getAllByName(String)}.
     *
     * @return a thread-safe resolver, never null
     */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
