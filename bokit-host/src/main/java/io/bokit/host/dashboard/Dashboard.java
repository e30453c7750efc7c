package io.bokit.host.dashboard;

import io.bokit.core.application.Bokit;
import io.bokit.core.domain.BookingQuery;
import io.bokit.core.domain.BookingStatus;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.HistoryQuery;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.Secrets;
import io.bokit.core.port.in.SyncCommand;
import io.bokit.core.port.in.SyncResult;
import io.bokit.core.port.in.SyncScope;
import io.bokit.core.port.out.ClockPort;
import io.bokit.host.BokitManagement;
import io.bokit.host.BokitSettings;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's page at {@code bokit.dashboard.path}, for every adapter: {@code GET <path>} renders it (the sync
 * status, every feed's health, the open double bookings, each calendar's bookings as a timeline, the exports and the
 * recent history, each section read with one query), and four {@code POST}s act: {@code <path>/sync} (sync now),
 * {@code <path>/reset} (forget the last claim), {@code <path>/feeds/<id>/enable} and {@code .../disable}. Every
 * request passes the {@link DashboardGuard} first; every {@code POST} needs the page's CSRF token and answers
 * {@code 303 See Other} back to the page. Everything shown is HTML-escaped and URLs are masked. Blocking (it reads
 * the store, and sync now runs on the caller's thread): call it off any event loop. Thread-safe; built by {@code
 * BokitHost}.
 */
public final class Dashboard {
    /** The message when {@code bokit.dashboard.enabled=true} and no guard is configured. */
    public static final String NO_GUARD = "is true, but nothing guards the page: in Spring Boot add Spring Security"
            + " (then an authenticated user with the role " + BokitSettings.DASHBOARD_ROLE + " is required) or declare"
            + " a io.bokit.host.dashboard.DashboardGuard bean; in Micronaut declare a DashboardGuard bean (for example"
            + " over micronaut-security); in a plain host pass one to BokitHost.builder(settings).dashboardGuard(...)."
            + " See docs/dashboard.md";

    /** The name of the CSRF token's form field. */
    public static final String CSRF_FIELD = "csrf";

    /** How many history entries the page shows. */
    static final int HISTORY = 25;

    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
    private static final Set<BookingStatus> SHOWN = Arrays.stream(BookingStatus.values())
            .filter(BookingStatus::blocksDates)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(BookingStatus.class)));
    private static final Map<String, String> NOTICES = Map.of(
            "synced", "The sync finished: its result is under Last run.",
            "busy", "A run is already under way, so no sync was started: reload in a moment.",
            "not-due", "No sync was started.",
            "reset", "The last claim is forgotten: the next page view of the site starts a sync.",
            "enabled", "The feed is enabled: the next run fetches it.",
            "disabled", "The feed is disabled: runs leave it alone until it is enabled again.");

    private final Bokit bokit;
    private final BokitManagement management;
    private final BokitSettings settings;
    private final DashboardGuard guard;
    private final ClockPort clock;
    private final CsrfTokens csrf = new CsrfTokens();
    private final SecureRandom random = new SecureRandom();
    private final String path;

    /**
     * A page over this host's parts.
     *
     * @param bokit the assembled core
     * @param management the host's management (its sync now is wrapped like every run)
     * @param settings the settings: path, export path
     * @param guard who may see the page
     * @param clock the clock
     */
    public Dashboard(
            Bokit bokit, BokitManagement management, BokitSettings settings, DashboardGuard guard, ClockPort clock) {
        this.bokit = Objects.requireNonNull(bokit, "bokit");
        this.management = Objects.requireNonNull(management, "management");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.path = settings.dashboardPath();
    }

    /** The page's path, such as {@code /bokit}, without a trailing {@code /}. */
    public String path() {
        return path;
    }

    /** Whether a request path is the page's or one of its actions' (what an adapter routes here). */
    public boolean handles(String requestPath) {
        return requestPath != null
                && (requestPath.equals(path) || (requestPath.startsWith(path + "/") && !isExport(requestPath)));
    }

    private boolean isExport(String requestPath) {
        return settings.exportEnabled() && requestPath.startsWith(settings.exportPath() + "/");
    }

    /**
     * Answers one request.
     *
     * @param request the request, not null
     * @return the answer, never null; never throws (a store that cannot be read shows in its section)
     */
    public DashboardResponse handle(DashboardRequest request) {
        String sub = request.path().equals(path)
                ? ""
                : request.path().substring(Math.min(request.path().length(), path.length()));
        if (!handles(request.path())) {
            return plain(404, "Not found.");
        }
        DashboardGuard.Access access;
        try {
            access = guard.check(request);
        } catch (RuntimeException e) {
            log.warn("The dashboard guard failed; the request is refused: {}", Secrets.mask(e.toString()));
            return plain(403, "Refused.");
        }
        if (access instanceof DashboardGuard.Refused refused) {
            Map<String, String> headers = headers("text/plain; charset=utf-8", null);
            headers.putAll(refused.headers());
            return new DashboardResponse(
                    refused.status(),
                    headers,
                    refused.status() == 401 ? "Sign in to see this page." : "You may not see this page.");
        }
        DashboardGuard.Allowed allowed = (DashboardGuard.Allowed) access;
        String method = request.method().toUpperCase(java.util.Locale.ROOT);
        if (sub.isEmpty() || sub.equals("/")) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                return notAllowed("GET, HEAD");
            }
            String notice = NOTICES.get(request.query().getOrDefault("done", ""));
            return page(request, allowed, notice);
        }
        if (!method.equals("POST")) {
            return knownAction(sub) ? notAllowed("POST") : plain(404, "Not found.");
        }
        if (!knownAction(sub)) {
            return plain(404, "Not found.");
        }
        Instant now = clock.now();
        if (!csrf.valid(request.form().get(CSRF_FIELD), allowed.operator(), now)) {
            return plain(403, "This form has expired or did not come from this page: reload the page and try again.");
        }
        return act(request, sub, allowed);
    }

    private static boolean knownAction(String sub) {
        return sub.equals("/sync")
                || sub.equals("/reset")
                || (sub.startsWith("/feeds/") && (sub.endsWith("/enable") || sub.endsWith("/disable")));
    }

    private DashboardResponse act(DashboardRequest request, String sub, DashboardGuard.Allowed allowed) {
        String done;
        String who = allowed.operator() == null ? "an operator" : Secrets.mask(allowed.operator());
        try {
            if (sub.equals("/sync")) {
                log.info("[SyncJob] Sync now from the dashboard, by {}", who);
                SyncResult result = management.sync(new SyncCommand(SyncScope.all(), true, true));
                done = result instanceof SyncResult.Completed
                        ? "synced"
                        : result instanceof SyncResult.Busy ? "busy" : "not-due";
            } else if (sub.equals("/reset")) {
                bokit.sync().forgetLastClaim();
                bokit.autoSync().refreshSoon();
                log.info("[AutoSync] Last claim forgotten from the dashboard, by {}", who);
                done = "reset";
            } else {
                boolean enable = sub.endsWith("/enable");
                String id = sub.substring("/feeds/".length(), sub.lastIndexOf('/'));
                FeedId feed;
                try {
                    feed = FeedId.of(java.net.URLDecoder.decode(id, java.nio.charset.StandardCharsets.UTF_8));
                    bokit.feeds().setEnabled(feed, enable);
                } catch (InvalidInputException | IllegalArgumentException e) {
                    return plain(404, "No such feed.");
                }
                log.info("Feed {} {} from the dashboard, by {}", feed, enable ? "enabled" : "disabled", who);
                done = enable ? "enabled" : "disabled";
            }
        } catch (RuntimeException e) {
            log.warn("A dashboard action failed: {}", Secrets.mask(e.toString()));
            return plain(500, "The action failed: " + Secrets.mask(e.getMessage()));
        }
        Map<String, String> headers = headers("text/plain; charset=utf-8", null);
        headers.put("Location", request.contextPath() + path + "?done=" + done);
        return new DashboardResponse(303, headers, "");
    }

    private DashboardResponse page(DashboardRequest request, DashboardGuard.Allowed allowed, String notice) {
        Instant now = clock.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // one query per section; each may fail alone and says so in its section
        DashboardPage.Model model = new DashboardPage.Model(
                now,
                request.contextPath(),
                path,
                settings.exportEnabled() ? settings.exportPath() : null,
                allowed.operator(),
                csrf.issue(allowed.operator(), now),
                allowed.formFields(),
                notice,
                read(() -> bokit.status().status()),
                read(() -> bokit.feeds().calendars()),
                read(() -> bokit.bookings()
                        .find(new BookingQuery(
                                null,
                                today.minusDays(DashboardPage.PAST_DAYS + 1L),
                                today.plusDays(DashboardPage.DAYS - DashboardPage.PAST_DAYS + 1L),
                                SHOWN,
                                false))),
                read(() -> bokit.doubleBookings().open(null)),
                read(() -> bokit.exportLinks().list()),
                read(() -> bokit.bookings().history(HistoryQuery.latest(HISTORY))),
                bokit.lastReport().orElse(null));
        byte[] nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        String nonce = Base64.getEncoder().encodeToString(nonceBytes);
        String html = DashboardPage.render(model, nonce);
        return new DashboardResponse(200, headers("text/html; charset=utf-8", nonce), html);
    }

    private static <T> DashboardPage.Read<T> read(Supplier<T> query) {
        try {
            return new DashboardPage.Read<>(query.get(), null);
        } catch (RuntimeException e) {
            log.warn("The dashboard could not read a section: {}", Secrets.mask(e.toString()));
            return new DashboardPage.Read<>(null, Secrets.mask(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private static DashboardResponse notAllowed(String allow) {
        DashboardResponse answer = plain(405, "Method not allowed.");
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put("Allow", allow);
        return new DashboardResponse(405, headers, answer.body());
    }

    private static DashboardResponse plain(int status, String text) {
        return new DashboardResponse(status, headers("text/plain; charset=utf-8", null), text);
    }

    private static Map<String, String> headers(String contentType, String nonce) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with the page's own forms,
        // which Micronaut refuses (403) on a server bound to localhost, as a drive-by attack on localhost; the page
        // links nowhere else, so no other site gets a Referer either way
        headers.put("Referrer-Policy", "same-origin");
        headers.put("X-Frame-Options", "DENY");
        headers.put(
                "Content-Security-Policy",
                "default-src 'none'; "
                        + (nonce == null ? "" : "style-src 'nonce-" + nonce + "'; script-src 'nonce-" + nonce + "'; ")
                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        return headers;
    }
}
