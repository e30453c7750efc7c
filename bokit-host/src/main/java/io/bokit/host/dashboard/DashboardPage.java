package io.bokit.host.dashboard;

import io.bokit.core.domain.Booking;
import io.bokit.core.domain.BookingChange;
import io.bokit.core.domain.BookingData;
import io.bokit.core.domain.BookingRef;
import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.DoubleBooking;
import io.bokit.core.domain.ExportLink;
import io.bokit.core.domain.FeedResult;
import io.bokit.core.domain.FetchState;
import io.bokit.core.domain.Secrets;
import io.bokit.core.domain.SyncCounters;
import io.bokit.core.domain.SyncDecision;
import io.bokit.core.domain.SyncReport;
import io.bokit.core.port.in.FeedStatus;
import io.bokit.core.port.in.SyncStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the operator's page from what {@link Dashboard} read: plain HTML and CSS, a few lines of script. */
final class DashboardPage {
    /** The days of the past each timeline shows. */
    static final int PAST_DAYS = 7;
    /** The days each timeline shows: a week of the past and five weeks ahead. */
    static final int DAYS = 42;
    /** The longest text shown of one value; the rest is cut with an ellipsis. */
    static final int MAX_TEXT = 300;
    /** The open double bookings listed at most; the caption counts them all, the command line lists them all. */
    static final int MAX_DOUBLE_BOOKINGS = 100;

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final String STYLE = style();
    private static final String SCRIPT = "document.querySelectorAll('button[data-copy]').forEach(function (b) {"
            + "b.addEventListener('click', function () {"
            + "var input = document.getElementById(b.getAttribute('data-copy'));"
            + "var done = function () { b.textContent = 'Copied'; };"
            + "if (navigator.clipboard) { navigator.clipboard.writeText(input.value).then(done, function () {"
            + " input.select(); }); } else { input.select(); document.execCommand('copy'); done(); }"
            + "}); });";

    private DashboardPage() {}

    /** A section's data, or why it could not be read. */
    record Read<T>(T value, String error) {}

    /** Everything one page shows. */
    record Model(
            Instant now,
            String contextPath,
            String path,
            String exportPath,
            String operator,
            String csrfToken,
            Map<String, String> formFields,
            String notice,
            Read<SyncStatus> status,
            Read<List<Calendar>> calendars,
            Read<List<Booking>> bookings,
            Read<List<DoubleBooking>> doubleBookings,
            Read<List<ExportLink>> exports,
            Read<List<BookingChange>> history,
            SyncReport lastReport) {}

    static String render(Model m, String nonce) {
        int bookings = m.bookings().value() == null ? 0 : m.bookings().value().size();
        StringBuilder out = new StringBuilder(16_384 + bookings * 400);
        Map<String, String> feedNames = new HashMap<>();
        if (m.status().value() != null) {
            m.status().value().feeds().forEach(feed -> feedNames.put(feed.id().value(), feed.name()));
        }
        Map<String, String> calendarNames = new HashMap<>();
        if (m.calendars().value() != null) {
            m.calendars().value().forEach(c -> calendarNames.put(c.key().value(), c.name()));
        }
        out.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"referrer\" content=\"same-origin\">")
                .append("<title>bokit: calendars and feeds</title><style nonce=\"")
                .append(nonce)
                .append("\">")
                .append(STYLE)
                .append("</style></head><body>")
                .append("<a class=\"skip\" href=\"#main\">Skip to the content</a>")
                .append("<header><h1>bokit</h1><p>Calendars and feeds")
                .append(m.operator() == null ? "" : ", signed in as ");
        if (m.operator() != null) {
            text(out.append("<strong>"), m.operator()).append("</strong>");
        }
        out.append("</p><nav aria-label=\"Sections\"><ul>")
                .append("<li><a href=\"#sync\">Sync</a></li><li><a href=\"#feeds\">Feeds</a></li>")
                .append("<li><a href=\"#double-bookings\">Double bookings</a></li>")
                .append("<li><a href=\"#calendars\">Calendars</a></li><li><a href=\"#exports\">Exports</a></li>")
                .append("<li><a href=\"#history\">History</a></li></ul></nav></header>")
                .append("<main id=\"main\">");
        if (m.notice() != null) {
            text(out.append("<p class=\"notice\" role=\"status\">"), m.notice()).append("</p>");
        }
        sync(out, m);
        feeds(out, m);
        doubleBookings(out, m, feedNames, calendarNames);
        timelines(out, m, feedNames);
        exports(out, m, feedNames, calendarNames);
        history(out, m, feedNames, calendarNames);
        out.append("</main><footer><p>Rendered ")
                .append(time(m.now()))
                .append(". Every URL is shown masked: bokit never shows a feed's or an export's secret.</p></footer>")
                .append("<script nonce=\"")
                .append(nonce)
                .append("\">")
                .append(SCRIPT)
                .append("</script></body></html>\n");
        return out.toString();
    }

    private static void sync(StringBuilder out, Model m) {
        out.append("<section id=\"sync\" aria-labelledby=\"sync-h\"><h2 id=\"sync-h\">Sync</h2>");
        SyncStatus status = m.status().value();
        if (status == null) {
            unreadable(out, "the sync status", m.status().error());
        } else {
            out.append("<dl class=\"facts\">");
            fact(
                    out,
                    "Install gate",
                    status.installComplete()
                            ? "Complete: automatic syncs are on"
                            : "Not complete: automatic syncs are off until install.complete is true");
            fact(
                    out,
                    "Interval",
                    status.interval() == null
                            ? "Unknown"
                            : duration(status.interval()) + " ("
                                    + status.interval().toSeconds() + " s)");
            out.append("<dt>Last claim</dt><dd>")
                    .append(status.lastClaim() == null ? "Never (or reset)" : time(status.lastClaim(), m.now()))
                    .append("</dd><dt>Next due</dt><dd>");
            SyncDecision decision = status.decision();
            if (decision instanceof SyncDecision.Due) {
                out.append("Now: the next page view starts a sync");
            } else if (decision instanceof SyncDecision.NotDue notDue) {
                out.append(time(notDue.until(), m.now()));
            } else if (decision instanceof SyncDecision.Disabled disabled) {
                text(out.append("Not scheduled: "), disabled.reason());
            }
            out.append("</dd><dt>Run in progress</dt><dd>");
            if (status.lease() != null && status.lease().heldAt(m.now())) {
                text(out.append("Yes, by "), clip(status.lease().owner()))
                        .append(", since ")
                        .append(time(status.lease().acquiredAt(), m.now()))
                        .append("; its lease ends ")
                        .append(time(status.lease().expiresAt(), m.now()));
            } else {
                out.append("No");
            }
            out.append("</dd>");
            if (status.problem() != null) {
                fact(out, "Problem", Secrets.mask(status.problem()));
            }
            out.append("</dl>");
        }
        out.append("<div class=\"actions\">");
        form(out, m, "/sync", "Sync now", "Fetches every enabled feed now, also those resting after failures.");
        form(out, m, "/reset", "Reset", "Forgets the last claim, so the next page view of the site starts a sync.");
        out.append("</div><h3>Last run</h3>");
        SyncReport report = m.lastReport();
        if (report == null) {
            out.append("<p>No run has finished in this process yet.</p>");
        } else {
            SyncCounters t = report.totals();
            out.append("<p id=\"last-run\">Finished ")
                    .append(time(report.finishedAt(), m.now()))
                    .append(" after ")
                    .append(report.duration().toMillis())
                    .append(" ms: ")
                    .append(report.feeds().size())
                    .append(plural(report.feeds().size(), " feed", " feeds"))
                    .append(", ")
                    .append(t.created())
                    .append(" created, ")
                    .append(t.updated())
                    .append(" updated, ")
                    .append(t.unchanged())
                    .append(" unchanged, ")
                    .append(t.vanished())
                    .append(" vanished, ")
                    .append(t.deleted())
                    .append(" deleted, ")
                    .append(report.errors())
                    .append(plural(report.errors(), " error", " errors"))
                    .append(".</p>");
            List<FeedResult> failed =
                    report.feeds().stream().filter(FeedResult::failed).toList();
            if (!failed.isEmpty()) {
                out.append("<ul class=\"errors\">");
                for (FeedResult result : failed) {
                    text(out.append("<li><strong>"), clip(result.feedName()));
                    text(out.append("</strong> failed: "), clip(Secrets.mask(result.error())))
                            .append("</li>");
                }
                out.append("</ul>");
            }
        }
        out.append("</section>");
    }

    private static void feeds(StringBuilder out, Model m) {
        out.append("<section id=\"feeds\" aria-labelledby=\"feeds-h\"><h2 id=\"feeds-h\">Feeds</h2>");
        SyncStatus status = m.status().value();
        if (status == null) {
            unreadable(out, "the feeds", m.status().error());
            out.append("</section>");
            return;
        }
        if (status.feeds().isEmpty()) {
            out.append("<p>No feed yet: declare one under bokit.calendars, or add one with bokit-cli.</p></section>");
            return;
        }
        out.append("<table><caption>")
                .append(status.feeds().size())
                .append(plural(status.feeds().size(), " feed", " feeds"))
                .append("</caption><thead><tr><th scope=\"col\">Feed</th><th scope=\"col\">Calendar</th>")
                .append("<th scope=\"col\">URL (masked)</th><th scope=\"col\">Health</th>")
                .append("<th scope=\"col\">Last success</th><th scope=\"col\">Last error</th>")
                .append("<th scope=\"col\">Back-off until</th><th scope=\"col\">Bookings</th>")
                .append("<th scope=\"col\">Action</th></tr></thead><tbody>");
        for (FeedStatus feed : status.feeds()) {
            FetchState state = feed.state();
            String health;
            String css;
            if (!feed.enabled()) {
                health = "Disabled";
                css = "off";
            } else if (state.backoffUntil() != null && state.backoffUntil().isAfter(m.now())) {
                health = "Resting after failures";
                css = "bad";
            } else if (state.lastError() != null) {
                health = "Failing";
                css = "bad";
            } else if (state.lastSuccess() == null) {
                health = "Never synced";
                css = "off";
            } else {
                health = "OK";
                css = "ok";
            }
            out.append("<tr><th scope=\"row\">");
            text(out, clip(feed.name())).append(" <small>");
            text(out, feed.id().value()).append("</small></th><td>");
            text(out, feed.calendar().value()).append("</td><td class=\"url\">");
            text(out, clip(Secrets.mask(feed.maskedUrl())))
                    .append("</td><td><span class=\"state ")
                    .append(css)
                    .append("\">")
                    .append(health)
                    .append("</span></td><td>")
                    .append(state.lastSuccess() == null ? "Never" : time(state.lastSuccess(), m.now()))
                    .append("</td><td>");
            if (state.lastError() == null) {
                out.append("None");
            } else {
                out.append(
                        state.consecutiveFailures() > 1
                                ? "Failed " + state.consecutiveFailures() + " times in a row: "
                                : "Failed: ");
                text(out, clip(Secrets.mask(state.lastError())));
            }
            out.append("</td><td>")
                    .append(
                            state.backoffUntil() == null
                                            || !state.backoffUntil().isAfter(m.now())
                                    ? "Not resting"
                                    : time(state.backoffUntil(), m.now()))
                    .append("</td><td>")
                    .append(state.events())
                    .append("</td><td>");
            String encoded = URLEncoder.encode(feed.id().value(), StandardCharsets.UTF_8);
            if (feed.enabled()) {
                form(out, m, "/feeds/" + encoded + "/disable", "Disable", null, feed.name());
            } else {
                form(out, m, "/feeds/" + encoded + "/enable", "Enable", null, feed.name());
            }
            out.append("</td></tr>");
        }
        out.append("</tbody></table></section>");
    }

    private static void doubleBookings(
            StringBuilder out, Model m, Map<String, String> feedNames, Map<String, String> calendarNames) {
        out.append("<section id=\"double-bookings\" aria-labelledby=\"double-h\">")
                .append("<h2 id=\"double-h\">Open double bookings</h2>");
        List<DoubleBooking> open = m.doubleBookings().value();
        if (open == null) {
            unreadable(out, "the double bookings", m.doubleBookings().error());
        } else if (open.isEmpty()) {
            out.append("<p>None: no two sources hold the same night of a calendar.</p>");
        } else {
            out.append("<table><caption>")
                    .append(open.size())
                    .append(plural(open.size(), " double booking", " double bookings"))
                    .append(" to resolve with the channels</caption><thead><tr><th scope=\"col\">Calendar</th>")
                    .append("<th scope=\"col\">Nights</th><th scope=\"col\">One booking</th>")
                    .append("<th scope=\"col\">The other</th><th scope=\"col\">Found</th></tr></thead><tbody>");
            for (DoubleBooking record : open.subList(0, Math.min(open.size(), MAX_DOUBLE_BOOKINGS))) {
                out.append("<tr><th scope=\"row\">");
                text(
                                out,
                                clip(calendarNames.getOrDefault(
                                        record.calendar().value(),
                                        record.calendar().value())))
                        .append("</th><td>")
                        .append(day(record.overlap().from()))
                        .append(" to ")
                        .append(day(record.overlap().to()))
                        .append(" (")
                        .append(record.overlap().nights())
                        .append(plural((int) record.overlap().nights(), " night", " nights"))
                        .append(")</td><td>");
                ref(out, record.overlap().first(), feedNames).append("</td><td>");
                ref(out, record.overlap().second(), feedNames)
                        .append("</td><td>")
                        .append(time(record.foundAt(), m.now()))
                        .append("</td></tr>");
            }
            out.append("</tbody></table>");
            if (open.size() > MAX_DOUBLE_BOOKINGS) {
                out.append("<p>The first ")
                        .append(MAX_DOUBLE_BOOKINGS)
                        .append(" are listed; <code>bokit-cli overlaps list</code> lists them all.</p>");
            }
        }
        out.append("</section>");
    }

    private static StringBuilder ref(StringBuilder out, BookingRef ref, Map<String, String> feedNames) {
        text(out, clip(feedNames.getOrDefault(ref.feed().value(), ref.feed().value())));
        out.append(": <span class=\"uid\">");
        return text(out, clip(Secrets.mask(ref.key().uid()))).append("</span>");
    }

    private static void timelines(StringBuilder out, Model m, Map<String, String> feedNames) {
        out.append("<section id=\"calendars\" aria-labelledby=\"calendars-h\"><h2 id=\"calendars-h\">Calendars</h2>");
        List<Calendar> calendars = m.calendars().value();
        if (calendars == null || m.bookings().value() == null) {
            unreadable(
                    out,
                    "the calendars and their bookings",
                    calendars == null ? m.calendars().error() : m.bookings().error());
            out.append("</section>");
            return;
        }
        if (calendars.isEmpty()) {
            out.append("<p>No calendar yet.</p></section>");
            return;
        }
        Map<String, Map<String, List<Booking>>> byCalendar = new HashMap<>();
        for (Booking booking : m.bookings().value()) {
            byCalendar
                    .computeIfAbsent(booking.calendar().value(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(booking.feed().value(), k -> new ArrayList<>())
                    .add(booking);
        }
        Map<String, List<String>> feedsOf = new HashMap<>();
        if (m.status().value() != null) {
            for (FeedStatus feed : m.status().value().feeds()) {
                feedsOf.computeIfAbsent(feed.calendar().value(), k -> new ArrayList<>())
                        .add(feed.id().value());
            }
        }
        out.append("<p>Each row is one source; each bar one stay or block, from its check-in to its check-out."
                + " The shaded days are past.</p>");
        int index = 0;
        for (Calendar calendar : calendars) {
            index++;
            LocalDate today = LocalDate.ofInstant(m.now(), calendar.zone());
            LocalDate first = today.minusDays(PAST_DAYS);
            LocalDate end = first.plusDays(DAYS);
            String id = "cal-" + index;
            out.append("<section class=\"calendar\" aria-labelledby=\"")
                    .append(id)
                    .append("\"><h3 id=\"")
                    .append(id)
                    .append("\">");
            text(out, clip(calendar.name())).append(" <small>");
            text(out, calendar.key().value()).append(", ");
            text(out, calendar.zone().getId())
                    .append(", ")
                    .append(day(first))
                    .append(" to ")
                    .append(day(end.minusDays(1)))
                    .append("</small></h3><div class=\"timeline\"><div class=\"days\" aria-hidden=\"true\">")
                    .append("<span class=\"label\"></span><ol class=\"grid\">");
            for (int d = 0; d < DAYS; d++) {
                LocalDate date = first.plusDays(d);
                out.append("<li class=\"day f")
                        .append(d + 1)
                        .append(d < PAST_DAYS ? " past" : "")
                        .append(date.equals(today) ? " today" : "")
                        .append("\">")
                        .append(
                                date.getDayOfMonth() == 1 || d == 0
                                        ? date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                                        : "")
                        .append(date.getDayOfMonth())
                        .append(date.equals(today) ? " today" : "")
                        .append("</li>");
            }
            out.append("</ol></div>");
            Map<String, List<Booking>> rows =
                    byCalendar.getOrDefault(calendar.key().value(), Map.of());
            List<String> sources =
                    new ArrayList<>(feedsOf.getOrDefault(calendar.key().value(), List.of()));
            rows.keySet().stream()
                    .filter(feed -> !sources.contains(feed))
                    .sorted()
                    .forEach(sources::add);
            if (sources.isEmpty()) {
                out.append("<p>No feed and no booking.</p>");
            }
            int row = 0;
            for (String source : sources) {
                row++;
                String rowId = id + "-" + row;
                out.append("<div class=\"row\"><span class=\"label\" id=\"")
                        .append(rowId)
                        .append("\">");
                text(out, clip(feedNames.getOrDefault(source, source)))
                        .append("</span><ul class=\"grid bars\" aria-labelledby=\"")
                        .append(rowId)
                        .append("\">");
                List<Booking> stays = rows.getOrDefault(source, List.of());
                int shown = 0;
                for (Booking booking : stays) {
                    BookingData data = booking.current();
                    if (!data.checkOut().isAfter(first) || !data.checkIn().isBefore(end)) {
                        continue;
                    }
                    shown++;
                    long from = Math.max(0, ChronoUnit.DAYS.between(first, data.checkIn()));
                    long to = Math.min(DAYS, ChronoUnit.DAYS.between(first, data.checkOut()));
                    if (to <= from) {
                        to = from + 1; // a same-day booking still shows
                    }
                    String status = data.status().code().replace('_', ' ');
                    out.append("<li class=\"bar f")
                            .append(from + 1)
                            .append(" t")
                            .append(to + 1)
                            .append(data.status().isBlock() ? " block" : "")
                            .append("\"><span>");
                    text(out, clip(data.guestName() == null ? status : data.guestName()));
                    out.append("</span> <span class=\"detail\">")
                            .append(data.guestName() == null ? "" : status + ", ")
                            .append(day(data.checkIn()))
                            .append(" to ")
                            .append(day(data.checkOut()))
                            .append("</span></li>");
                }
                if (shown == 0) {
                    out.append("<li class=\"empty\">No stay in these weeks</li>");
                }
                out.append("</ul></div>");
            }
            out.append("</div></section>");
        }
        out.append("</section>");
    }

    private static void exports(
            StringBuilder out, Model m, Map<String, String> feedNames, Map<String, String> calendarNames) {
        out.append("<section id=\"exports\" aria-labelledby=\"exports-h\"><h2 id=\"exports-h\">Exports</h2>");
        List<ExportLink> exports = m.exports().value();
        if (exports == null) {
            unreadable(out, "the exports", m.exports().error());
        } else if (m.exportPath() == null) {
            out.append("<p>Exports are not served (bokit.export.enabled is false).</p>");
        } else if (exports.isEmpty()) {
            out.append("<p>No export yet: add one with <code>bokit-cli exports add</code>.</p>");
        } else {
            out.append("<p>Only the first characters of each token are kept in clear: the whole URL is shown once,"
                            + " when the export is added or its token rotated.</p><table><caption>")
                    .append(exports.size())
                    .append(plural(exports.size(), " export", " exports"))
                    .append("</caption><thead><tr><th scope=\"col\">Calendar</th><th scope=\"col\">For</th>")
                    .append("<th scope=\"col\">URL (masked)</th><th scope=\"col\">Guest names</th>")
                    .append("<th scope=\"col\">Token since</th></tr></thead><tbody>");
            int index = 0;
            for (ExportLink link : exports) {
                index++;
                String inputId = "export-" + index;
                out.append("<tr><th scope=\"row\">");
                text(
                                out,
                                clip(calendarNames.getOrDefault(
                                        link.calendar().value(), link.calendar().value())))
                        .append("</th><td>");
                text(
                                out,
                                link.target() == null
                                        ? "Every channel"
                                        : clip(feedNames.getOrDefault(
                                                link.target().value(),
                                                link.target().value())))
                        .append("</td><td><label class=\"hidden\" for=\"")
                        .append(inputId)
                        .append("\">Export URL, masked</label><input readonly size=\"40\" id=\"")
                        .append(inputId)
                        .append("\" value=\"");
                text(out, m.contextPath() + m.exportPath() + "/" + link.tokenHint() + ".ics")
                        .append("\"> <button type=\"button\" data-copy=\"")
                        .append(inputId)
                        .append("\">Copy</button></td><td>")
                        .append(link.guestNames() ? "Shown" : "Hidden")
                        .append("</td><td>")
                        .append(time(link.rotated() == null ? link.created() : link.rotated(), m.now()))
                        .append("</td></tr>");
            }
            out.append("</tbody></table>");
        }
        out.append("</section>");
    }

    private static void history(
            StringBuilder out, Model m, Map<String, String> feedNames, Map<String, String> calendarNames) {
        out.append("<section id=\"history\" aria-labelledby=\"history-h\"><h2 id=\"history-h\">Recent changes</h2>");
        List<BookingChange> changes = m.history().value();
        if (changes == null) {
            unreadable(out, "the history", m.history().error());
        } else if (changes.isEmpty()) {
            out.append("<p>No change yet.</p>");
        } else {
            out.append("<table><caption>The latest ")
                    .append(changes.size())
                    .append(plural(changes.size(), " change", " changes"))
                    .append(", newest first</caption><thead><tr><th scope=\"col\">When</th>")
                    .append("<th scope=\"col\">Calendar</th><th scope=\"col\">Source</th>")
                    .append("<th scope=\"col\">Booking</th><th scope=\"col\">What</th><th scope=\"col\">Before</th>")
                    .append("<th scope=\"col\">After</th></tr></thead><tbody>");
            for (BookingChange change : changes) {
                out.append("<tr><td>").append(time(change.at(), m.now())).append("</td><td>");
                text(
                                out,
                                clip(calendarNames.getOrDefault(
                                        change.calendar().value(),
                                        change.calendar().value())))
                        .append("</td><td>");
                text(
                                out,
                                clip(feedNames.getOrDefault(
                                        change.feed().value(), change.feed().value())))
                        .append("</td><td class=\"uid\">");
                text(out, clip(Secrets.mask(change.key().uid()))).append("</td><td>");
                out.append(change.kind().name().toLowerCase(Locale.ROOT));
                if (change.field() != null) {
                    text(out.append(" "), clip(change.field()));
                }
                out.append("</td><td>");
                text(out, clip(Secrets.mask(change.oldValue()))).append("</td><td>");
                text(out, clip(Secrets.mask(change.newValue()))).append("</td></tr>");
            }
            out.append("</tbody></table>");
        }
        out.append("</section>");
    }

    private static void form(StringBuilder out, Model m, String action, String label, String help) {
        form(out, m, action, label, help, null);
    }

    private static void form(StringBuilder out, Model m, String action, String label, String help, String of) {
        out.append("<form method=\"post\" action=\"");
        text(out, m.contextPath() + m.path() + action).append("\">");
        hidden(out, Dashboard.CSRF_FIELD, m.csrfToken());
        m.formFields().forEach((name, value) -> hidden(out, name, value));
        out.append("<button type=\"submit\"");
        if (of != null) {
            text(out.append(" aria-label=\"").append(label).append(" "), clip(of))
                    .append("\"");
        }
        out.append(">").append(label).append("</button>");
        if (help != null) {
            out.append(" <span class=\"help\">").append(help).append("</span>");
        }
        out.append("</form>");
    }

    private static void hidden(StringBuilder out, String name, String value) {
        text(out.append("<input type=\"hidden\" name=\""), name).append("\" value=\"");
        text(out, value).append("\">");
    }

    private static void fact(StringBuilder out, String term, String value) {
        out.append("<dt>").append(term).append("</dt><dd>");
        text(out, value).append("</dd>");
    }

    private static void unreadable(StringBuilder out, String what, String error) {
        text(
                        out.append("<p class=\"notice bad\" role=\"alert\">Could not read ")
                                .append(what)
                                .append(": "),
                        clip(error))
                .append("</p>");
    }

    private static StringBuilder text(StringBuilder out, String value) {
        return Html.append(out, value);
    }

    private static String clip(String value) {
        if (value == null || value.length() <= MAX_TEXT) {
            return value;
        }
        int cut = Character.isHighSurrogate(value.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
        return value.substring(0, cut) + "…";
    }

    private static String time(Instant instant) {
        return "<time datetime=\"" + instant + "\">" + INSTANT.format(instant) + "</time>";
    }

    private static String time(Instant instant, Instant now) {
        return time(instant) + " (" + relative(Duration.between(now, instant)) + ")";
    }

    private static String relative(Duration delta) {
        boolean past = delta.isNegative();
        long seconds = Math.abs(delta.toSeconds());
        String amount;
        if (seconds < 60) {
            return seconds < 5 ? "just now" : past ? seconds + " s ago" : "in " + seconds + " s";
        } else if (seconds < 3600) {
            amount = seconds / 60 + " min";
        } else if (seconds < 2 * 86_400) {
            amount = seconds / 3600 + " h";
        } else {
            amount = seconds / 86_400 + " days";
        }
        return past ? amount + " ago" : "in " + amount;
    }

    private static String duration(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + plural((int) (s / 86_400), " day", " days");
        }
        if (s % 3600 == 0) {
            return s / 3600 + plural((int) (s / 3600), " hour", " hours");
        }
        if (s % 60 == 0) {
            return s / 60 + plural((int) (s / 60), " minute", " minutes");
        }
        return s + plural((int) s, " second", " seconds");
    }

    private static String day(LocalDate date) {
        return "<time datetime=\"" + date + "\">" + DAY.format(date) + "</time>";
    }

    private static String plural(int count, String one, String many) {
        return count == 1 ? one : many;
    }

    private static String style() {
        StringBuilder css = new StringBuilder(
                """
                :root{font-family:system-ui,sans-serif;color:#1a1a1a;background:#fff;line-height:1.4}
                body{margin:0 auto;max-width:90rem;padding:0 1rem 2rem}
                .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
                header nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}
                h1{margin:.5rem 0 0}h2{border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:2rem}
                small,.help,.detail{color:#555}
                a:focus,button:focus,input:focus{outline:3px solid #1d4ed8;outline-offset:2px}
                table{border-collapse:collapse;width:100%;font-size:.9rem}
                caption{text-align:left;font-weight:600;padding:.3rem 0}
                th,td{border:1px solid #bbb;padding:.3rem .4rem;text-align:left;vertical-align:top;unicode-bidi:isolate;overflow-wrap:anywhere}
                thead th{background:#eee}
                .facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}.facts dt{font-weight:600}
                .actions form{margin:.4rem 0}
                button{font:inherit;padding:.2rem .7rem;border:1px solid #333;border-radius:3px;background:#f4f4f4;cursor:pointer}
                .state{font-weight:600;padding:0 .3rem;border-radius:3px}
                .state.ok{background:#dcfce7}.state.bad{background:#fee2e2;border:1px dashed #991b1b}.state.off{background:#eee}
                .notice{padding:.5rem;border:2px solid #1d4ed8;background:#eff6ff}.notice.bad{border-color:#991b1b;background:#fee2e2}
                .hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
                .timeline{overflow-x:auto;margin-bottom:1rem}
                .days,.row{display:grid;grid-template-columns:10rem 1fr;min-width:60rem;align-items:start}
                .label{font-weight:600;padding:.2rem .4rem;overflow-wrap:anywhere}
                .grid{display:grid;grid-template-columns:repeat(42,1fr);grid-auto-rows:minmax(1.7rem,auto);list-style:none;margin:0;padding:0;gap:2px 0}
                .days .day{font-size:.7rem;text-align:center;color:#444;border-left:1px solid #ddd}
                .day.past{background:#eee}.day.today{font-weight:700;color:#000;background:#fde68a}
                .row{border-top:1px solid #ddd}
                .bars{background:linear-gradient(to right,#eee 0,#eee calc(100%*7/42),transparent calc(100%*7/42))}
                .bar{background:#dbeafe;border:1px solid #1e40af;border-radius:3px;padding:0 .3rem;font-size:.75rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;unicode-bidi:isolate}
                .bar.block{background:repeating-linear-gradient(45deg,#f3f4f6,#f3f4f6 4px,#d1d5db 4px,#d1d5db 8px);border-style:dashed;border-color:#374151}
                .bar:hover,.bar:focus-within{overflow:visible;z-index:1}
                .empty{grid-column:1/-1;color:#555;font-size:.8rem;padding:.2rem}
                .url,.uid{font-family:ui-monospace,monospace;font-size:.8rem}
                footer{margin-top:2rem;color:#555;font-size:.85rem}
                """);
        for (int i = 1; i <= DAYS + 1; i++) {
            css.append(".f").append(i).append("{grid-column-start:").append(i).append("}");
            css.append(".t").append(i).append("{grid-column-end:").append(i).append("}");
        }
        return css.toString();
    }
}
