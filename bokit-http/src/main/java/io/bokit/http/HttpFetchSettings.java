package io.bokit.http;

import io.bokit.core.domain.FeedUrl;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.port.out.ClockPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The immutable settings of an {@link HttpFeedFetcher}; build them with {@link #builder()}, every
 * value validated when built.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection (default 10 s)
 * @param requestTimeout how long one HTTP request (each redirect hop) may take, from sending it to
 *     the last byte of its body (default 30 s)
 * @param maxBodyBytes the largest body accepted, counted both on the wire and after gzip/deflate
 *     decoding (default 10 MiB)
 * @param maxRedirects how many redirects one fetch follows (default 5)
 * @param userAgent the {@code User-Agent} header (default {@code bokit/<version> (+https://github.com/bokit)})
 * @param allowFileUrls whether {@code file:} feed URLs may be read (default false)
 * @param allowedAddresses addresses the SSRF guard lets through although they are loopback,
 *     private, link-local… (default none)
 * @param clock the clock that turns {@code Retry-After} seconds into an instant (default the system clock)
 * @param resolver resolves host names, once per request: the SSRF guard checks the answer and the connection goes
 *     to one of the checked addresses (default {@link HostResolver#system()})
 * @param sslContext the TLS context, for a private certificate authority; empty for the JVM default
 * @param refusalRemedy what an SSRF refusal says after the refused address: how to let it through on purpose, in
 *     the host's own words (default {@value #DEFAULT_REFUSAL_REMEDY}; a CLI names its options instead)
 */
public record HttpFetchSettings(
        Duration connectTimeout,
        Duration requestTimeout,
        long maxBodyBytes,
        int maxRedirects,
        String userAgent,
        boolean allowFileUrls,
        List<CidrRange> allowedAddresses,
        ClockPort clock,
        HostResolver resolver,
        Optional<SSLContext> sslContext,
        String refusalRemedy) {

    /** Default connect timeout: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default request timeout: 30 seconds. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Default body cap: 10 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    /** Default remedy in an SSRF refusal: the Java way to allow an address. */
    public static final String DEFAULT_REFUSAL_REMEDY =
            "allow it on purpose with HttpFetchSettings.builder().allow(\"<cidr>\")";
    /** Default number of redirects followed: 5. */
    public static final int DEFAULT_MAX_REDIRECTS = 5;

    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofHours(1);
    private static final long MAX_BODY_LIMIT = 1L << 30;
    private static final int MAX_REDIRECTS_LIMIT = 20;

    /** Validates every value; messages name the setting, the value and what is allowed. */
    public HttpFetchSettings {
        connectTimeout = positive("connectTimeout", connectTimeout, MAX_CONNECT_TIMEOUT);
        requestTimeout = positive("requestTimeout", requestTimeout, MAX_REQUEST_TIMEOUT);
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_LIMIT) {
            throw new InvalidInputException(
                    "maxBodyBytes must be between 1 and " + MAX_BODY_LIMIT + " (1 GiB), was " + maxBodyBytes);
        }
        if (maxRedirects < 0 || maxRedirects > MAX_REDIRECTS_LIMIT) {
            throw new InvalidInputException(
                    "maxRedirects must be between 0 and " + MAX_REDIRECTS_LIMIT + ", was " + maxRedirects);
        }
        if (userAgent == null || userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new InvalidInputException("userAgent must be non-blank printable text without line breaks, was "
                    + (userAgent == null ? "null" : "\"" + userAgent.replaceAll("\\p{Cntrl}", "?") + "\""));
        }
        allowedAddresses = List.copyOf(Objects.requireNonNull(allowedAddresses, "allowedAddresses"));
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(sslContext, "sslContext");
        if (refusalRemedy == null
                || refusalRemedy.isBlank()
                || refusalRemedy.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new InvalidInputException("refusalRemedy must be non-blank printable text without line breaks, was "
                    + (refusalRemedy == null ? "null" : "\"" + refusalRemedy.replaceAll("\\p{Cntrl}", "?") + "\""));
        }
    }

    /** Settings with the default refusal remedy (the form before it could be set). */
    public HttpFetchSettings(
            Duration connectTimeout,
            Duration requestTimeout,
            long maxBodyBytes,
            int maxRedirects,
            String userAgent,
            boolean allowFileUrls,
            List<CidrRange> allowedAddresses,
            ClockPort clock,
            HostResolver resolver,
            Optional<SSLContext> sslContext) {
        this(
                connectTimeout,
                requestTimeout,
                maxBodyBytes,
                maxRedirects,
                userAgent,
                allowFileUrls,
                allowedAddresses,
                clock,
                resolver,
                sslContext,
                DEFAULT_REFUSAL_REMEDY);
    }

    /**
     * Why a fetcher with these settings would refuse the URL's host before connecting (the SSRF guard: it resolves
     * the host and checks every address against the allowed blocks), for a host that wants to warn when a feed is
     * added rather than at its first sync. Resolves the name, so it may block on DNS.
     *
     * @param url the feed's URL, not null
     * @return the refusal as a fetch would report it ({@code refused: … resolves to a loopback address …}, or
     *     {@code cannot resolve host …}), or empty if the guard lets it through or it is not an http(s) URL
     */
    public Optional<String> refusal(FeedUrl url) {
        Objects.requireNonNull(url, "url");
        if (!url.scheme().equals("http") && !url.scheme().equals("https")) {
            return Optional.empty();
        }
        return new AddressGuard(resolver, allowedAddresses, refusalRemedy)
                .refusal(url.reveal().getHost());
    }

    /**
     * The defaults: 10 s connect, 30 s request, 10 MiB, 5 redirects, bokit's User-Agent, no file
     * URLs, no address allowed past the SSRF guard.
     *
     * @return the default settings, never null
     */
    public static HttpFetchSettings defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder, never null; not thread-safe
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these settings.
     *
     * @return a new builder holding these values, never null; not thread-safe
     */
    public Builder toBuilder() {
        Builder builder = new Builder()
                .connectTimeout(connectTimeout)
                .requestTimeout(requestTimeout)
                .maxBodyBytes(maxBodyBytes)
                .maxRedirects(maxRedirects)
                .userAgent(userAgent)
                .allowFileUrls(allowFileUrls)
                .clock(clock)
                .resolver(resolver)
                .refusalRemedy(refusalRemedy);
        builder.allowed.addAll(allowedAddresses);
        builder.sslContext = sslContext.orElse(null);
        return builder;
    }

    /**
     * The default {@code User-Agent}: {@code bokit/<version> (+https://github.com/bokit)}, the version
     * taken from the jar manifest's {@code Implementation-Version}, or {@code dev} outside a jar.
     *
     * @return the default User-Agent, never null
     */
    public static String defaultUserAgent() {
        String version = HttpFetchSettings.class.getPackage().getImplementationVersion();
        return "bokit/" + (version == null || version.isBlank() ? "dev" : version) + " (+https://github.com/bokit)";
    }

    private static Duration positive(String name, Duration value, Duration max) {
        if (value == null || value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
            throw new InvalidInputException(name + " must be more than 0 and at most " + max + ", was " + value);
        }
        return value;
    }

    /** Builds {@link HttpFetchSettings}; each setter returns this builder. Not thread-safe. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxRedirects = DEFAULT_MAX_REDIRECTS;
        private String userAgent = defaultUserAgent();
        private boolean allowFileUrls;
        private final List<CidrRange> allowed = new ArrayList<>();
        private ClockPort clock = ClockPort.system();
        private HostResolver resolver = HostResolver.system();
        private SSLContext sslContext;
        private String refusalRemedy = DEFAULT_REFUSAL_REMEDY;

        private Builder() {}

        /**
         * Sets how long to wait for a connection; validated by {@link #build()}.
         *
         * @return this builder; the value is validated by {@link #build()}
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        /**
         * Sets how long one request (each redirect hop, body included) may take.
         *
         * @return this builder; the value is validated by {@link #build()}
         */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        /**
         * Sets the largest body accepted, in bytes, on the wire and after decompression.
         *
         * @return this builder; the value is validated by {@link #build()}
         */
        public Builder maxBodyBytes(long value) {
            this.maxBodyBytes = value;
            return this;
        }

        /**
         * Sets how many redirects one fetch follows; 0 follows none.
         *
         * @return this builder; the value is validated by {@link #build()}
         */
        public Builder maxRedirects(int value) {
            this.maxRedirects = value;
            return this;
        }

        /**
         * Sets the {@code User-Agent} header, for a channel that refuses bokit's.
         *
         * @return this builder; the value is validated by {@link #build()}
         */
        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        /**
         * Lets {@code file:} feed URLs be read (a CLI or a demo); leave off in a web app.
         *
         * @return this builder; the value is validated by {@link #build()}
         */
        public Builder allowFileUrls(boolean value) {
            this.allowFileUrls = value;
            return this;
        }

        /**
         * Lets the SSRF guard pass a block of addresses, e.g. {@code 10.1.2.0/24} for a channel
         * manager inside the private network; may be called several times.
         *
         * @param cidr an IP literal with an optional prefix, e.g. {@code 192.168.1.40} or {@code fd00::/8}
         * @return this builder
         * @throws InvalidInputException at once if the text is not an IP literal in CIDR notation
         */
        public Builder allow(String cidr) {
            allowed.add(CidrRange.parse(cidr));
            return this;
        }

        /**
         * Lets the SSRF guard pass loopback addresses ({@code 127.0.0.0/8}, {@code ::1}): tests and local demos.
         *
         * @return this builder; the value is validated by {@link #build()}
         */
        public Builder allowLoopback() {
            return allow("127.0.0.0/8").allow("::1/128");
        }

        /**
         * Sets the clock used for {@code Retry-After}.
         *
         * @return this builder; the value is validated by {@link #build()}
         */
        public Builder clock(ClockPort value) {
            this.clock = value;
            return this;
        }

        /**
         * Sets the resolver whose answer the SSRF guard checks and the connection uses.
         *
         * @return this builder; the value is validated by {@link #build()}
         */
        public Builder resolver(HostResolver value) {
            this.resolver = value;
            return this;
        }

        /**
         * Sets the TLS context (a private certificate authority); null for the JVM default.
         *
         * @return this builder; the value is validated by {@link #build()}
         */
        public Builder sslContext(SSLContext value) {
            this.sslContext = value;
            return this;
        }

        /**
         * Sets what an SSRF refusal says after the refused address: how to let it through, in the host's words
         * (e.g. {@code "bokit-cli fetches it with --allow <cidr> or --allow-private"}).
         *
         * @return this builder; the value is validated by {@link #build()}
         */
        public Builder refusalRemedy(String value) {
            this.refusalRemedy = value;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return validated settings, never null
         * @throws InvalidInputException naming the first invalid setting, its value and what is allowed
         */
        public HttpFetchSettings build() {
            return new HttpFetchSettings(
                    connectTimeout,
                    requestTimeout,
                    maxBodyBytes,
                    maxRedirects,
                    userAgent,
                    allowFileUrls,
                    allowed,
                    clock,
                    resolver,
                    Optional.ofNullable(sslContext),
                    refusalRemedy);
        }
    }
}
