package io.bokit.core.ical;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves the TZID parameters found in feeds to {@link ZoneId}s with {@code java.time} only (ical4j's time-zone
 * registry, which may go to the network, is never used).
 *
 * <p>Accepts IANA ids, padded or quoted ids (white space, quotes, NULs and the replacement characters NULs
 * become are stripped from both ends), ids behind a vendor prefix ({@code /mozilla.org/…/Europe/Berlin}),
 * the short ids of {@link ZoneId#SHORT_IDS} and common Windows names ({@code W. Europe Standard Time}). Anything else
 * falls back to the calendar's zone. Caches per instance; not thread-safe, one per parse.
 */
final class TimeZones {
    private static final Map<String, String> WINDOWS = windowsNames();

    private final ZoneId fallback;
    private final Map<String, ZoneId> cache = new HashMap<>();

    TimeZones(ZoneId fallback) {
        this.fallback = fallback;
    }

    /** The zone named by {@code tzid}, or the calendar's zone when it is null, blank or unknown. */
    ZoneId resolve(String tzid) {
        if (tzid == null) {
            return fallback;
        }
        return cache.computeIfAbsent(tzid, this::lookUp);
    }

    private ZoneId lookUp(String tzid) {
        String id = clean(tzid);
        if (id.isEmpty()) {
            return fallback;
        }
        ZoneId zone = parse(id);
        if (zone != null) {
            return zone;
        }
        String windows = WINDOWS.get(id.toLowerCase(Locale.ROOT));
        if (windows != null) {
            return ZoneId.of(windows);
        }
        for (int slash = id.indexOf('/'); slash >= 0 && slash < id.length() - 1; slash = id.indexOf('/', slash + 1)) {
            ZoneId suffix = parse(id.substring(slash + 1));
            if (suffix != null) {
                return suffix;
            }
        }
        return fallback;
    }

    /** The id without the padding feeds put around it: white space, quotes, NULs and other control characters. */
    private static String clean(String tzid) {
        int from = 0;
        int to = tzid.length();
        while (from < to && isPadding(tzid.charAt(from))) {
            from++;
        }
        while (to > from && isPadding(tzid.charAt(to - 1))) {
            to--;
        }
        return tzid.substring(from, to);
    }

    private static boolean isPadding(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.isISOControl(c)
                || c == '"'
                || c == '\''
                || c == '\uFFFD';
    }

    private static ZoneId parse(String id) {
        try {
            return ZoneId.of(id, ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Map<String, String> windowsNames() {
        Map<String, String> names = new HashMap<>();
        String[][] table = {
            {"Dateline Standard Time", "Etc/GMT+12"},
            {"Hawaiian Standard Time", "Pacific/Honolulu"},
            {"Alaskan Standard Time", "America/Anchorage"},
            {"Pacific Standard Time", "America/Los_Angeles"},
            {"Pacific Standard Time (Mexico)", "America/Tijuana"},
            {"US Mountain Standard Time", "America/Phoenix"},
            {"Mountain Standard Time", "America/Denver"},
            {"Central America Standard Time", "America/Guatemala"},
            {"Central Standard Time", "America/Chicago"},
            {"Central Standard Time (Mexico)", "America/Mexico_City"},
            {"Canada Central Standard Time", "America/Regina"},
            {"SA Pacific Standard Time", "America/Bogota"},
            {"Eastern Standard Time", "America/New_York"},
            {"US Eastern Standard Time", "America/Indianapolis"},
            {"Atlantic Standard Time", "America/Halifax"},
            {"Newfoundland Standard Time", "America/St_Johns"},
            {"E. South America Standard Time", "America/Sao_Paulo"},
            {"Argentina Standard Time", "America/Buenos_Aires"},
            {"Greenland Standard Time", "America/Godthab"},
            {"Azores Standard Time", "Atlantic/Azores"},
            {"UTC", "UTC"},
            {"Coordinated Universal Time", "UTC"},
            {"GMT Standard Time", "Europe/London"},
            {"Greenwich Standard Time", "Atlantic/Reykjavik"},
            {"Morocco Standard Time", "Africa/Casablanca"},
            {"W. Europe Standard Time", "Europe/Berlin"},
            {"Central Europe Standard Time", "Europe/Budapest"},
            {"Romance Standard Time", "Europe/Paris"},
            {"Central European Standard Time", "Europe/Warsaw"},
            {"W. Central Africa Standard Time", "Africa/Lagos"},
            {"GTB Standard Time", "Europe/Bucharest"},
            {"E. Europe Standard Time", "Europe/Chisinau"},
            {"FLE Standard Time", "Europe/Kiev"},
            {"Israel Standard Time", "Asia/Jerusalem"},
            {"Egypt Standard Time", "Africa/Cairo"},
            {"South Africa Standard Time", "Africa/Johannesburg"},
            {"Turkey Standard Time", "Europe/Istanbul"},
            {"Russian Standard Time", "Europe/Moscow"},
            {"Arab Standard Time", "Asia/Riyadh"},
            {"Arabian Standard Time", "Asia/Dubai"},
            {"Iran Standard Time", "Asia/Tehran"},
            {"Pakistan Standard Time", "Asia/Karachi"},
            {"India Standard Time", "Asia/Calcutta"},
            {"Sri Lanka Standard Time", "Asia/Colombo"},
            {"Nepal Standard Time", "Asia/Katmandu"},
            {"Bangladesh Standard Time", "Asia/Dhaka"},
            {"SE Asia Standard Time", "Asia/Bangkok"},
            {"China Standard Time", "Asia/Shanghai"},
            {"Singapore Standard Time", "Asia/Singapore"},
            {"Taipei Standard Time", "Asia/Taipei"},
            {"W. Australia Standard Time", "Australia/Perth"},
            {"Tokyo Standard Time", "Asia/Tokyo"},
            {"Korea Standard Time", "Asia/Seoul"},
            {"Cen. Australia Standard Time", "Australia/Adelaide"},
            {"AUS Central Standard Time", "Australia/Darwin"},
            {"E. Australia Standard Time", "Australia/Brisbane"},
            {"AUS Eastern Standard Time", "Australia/Sydney"},
            {"Tasmania Standard Time", "Australia/Hobart"},
            {"New Zealand Standard Time", "Pacific/Auckland"},
            {"Fiji Standard Time", "Pacific/Fiji"},
        };
        for (String[] row : table) {
            names.put(row[0].toLowerCase(Locale.ROOT), row[1]);
        }
        return Map.copyOf(names);
    }
}
