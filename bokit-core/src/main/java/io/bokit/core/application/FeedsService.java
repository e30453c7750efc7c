package io.bokit.core.application;

import io.bokit.core.domain.Calendar;
import io.bokit.core.domain.CalendarKey;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.FeedId;
import io.bokit.core.domain.FetchState;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.Options;
import io.bokit.core.port.in.AddCalendarCommand;
import io.bokit.core.port.in.AddFeedCommand;
import io.bokit.core.port.in.FeedsUseCase;
import io.bokit.core.port.out.FeedCatalogPort;
import io.bokit.core.port.out.OptionsPort;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Manages calendars and feeds over {@link FeedCatalogPort}, checking keys and references. */
final class FeedsService implements FeedsUseCase {
    private final FeedCatalogPort catalog;
    private final OptionsPort options;

    /**
     * Creates the service.
     *
     * @param catalog where calendars and feeds live
     * @param options where the default {@code timezone} of new calendars is read
     */
    FeedsService(FeedCatalogPort catalog, OptionsPort options) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Calendar addCalendar(AddCalendarCommand command) {
        if (catalog.findCalendar(command.key()).isPresent()) {
            throw new InvalidInputException("Calendar " + command.key() + " already exists");
        }
        var zone = command.zone() != null
                ? command.zone()
                : Options.parse(options.loadAll()).timezone();
        Calendar calendar = new Calendar(command.key(), command.name().strip(), zone);
        catalog.saveCalendar(calendar);
        return calendar;
    }

    @Override
    public Calendar ensureCalendar(AddCalendarCommand command) {
        Optional<Calendar> existing = catalog.findCalendar(command.key());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return addCalendar(command);
        } catch (InvalidInputException e) {
            return catalog.findCalendar(command.key()).orElseThrow(() -> e); // another node was first
        }
    }

    @Override
    public List<Calendar> calendars() {
        return catalog.calendars();
    }

    @Override
    public void removeCalendar(CalendarKey key) {
        requireCalendar(key);
        List<Feed> attached = catalog.feeds().stream()
                .filter(feed -> feed.calendar().equals(key))
                .toList();
        if (!attached.isEmpty()) {
            throw new InvalidInputException("Calendar " + key + " still has feeds: "
                    + attached.stream().map(feed -> feed.id().value()).collect(Collectors.joining(", "))
                    + "; remove them first");
        }
        catalog.removeCalendar(key);
    }

    @Override
    public Feed addFeed(AddFeedCommand command) {
        requireCalendar(command.calendar());
        FeedId id = command.id() != null ? command.id() : freeId(command);
        if (catalog.findFeed(id).isPresent()) {
            throw new InvalidInputException("Feed " + id + " already exists");
        }
        Feed feed = new Feed(command.calendar(), id, command.name(), command.url(), true, FetchState.NEVER);
        catalog.saveFeed(feed);
        return feed;
    }

    @Override
    public Feed ensureFeed(AddFeedCommand command) {
        Optional<Feed> existing = find(command);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return addFeed(command);
        } catch (InvalidInputException e) {
            return find(command).orElseThrow(() -> e); // another node was first
        }
    }

    private Optional<Feed> find(AddFeedCommand command) {
        return command.id() != null
                ? catalog.findFeed(command.id())
                : catalog.feeds().stream()
                        .filter(feed -> feed.calendar().equals(command.calendar())
                                && feed.url().equals(command.url()))
                        .findFirst();
    }

    @Override
    public List<Feed> feeds() {
        return catalog.feeds();
    }

    @Override
    public Feed feed(FeedId id) {
        return catalog.findFeed(id).orElseThrow(() -> new InvalidInputException("Unknown feed " + id));
    }

    @Override
    public void removeFeed(FeedId id) {
        if (!catalog.removeFeed(id)) {
            throw new InvalidInputException("Unknown feed " + id);
        }
    }

    @Override
    public Feed setEnabled(FeedId id, boolean enabled) {
        if (!catalog.setEnabled(id, enabled)) {
            throw new InvalidInputException("Unknown feed " + id);
        }
        return feed(id);
    }

    private void requireCalendar(CalendarKey key) {
        if (catalog.findCalendar(key).isEmpty()) {
            throw new InvalidInputException("Unknown calendar " + key);
        }
    }

    /** {@code <calendar>-<first label of the host>}, then {@code -2}, {@code -3}… until free. */
    private FeedId freeId(AddFeedCommand command) {
        String host = command.url().host().toLowerCase(Locale.ROOT);
        String label = host.startsWith("www.") ? host.substring(4) : host;
        label = label.replaceAll("[^a-z0-9].*$", "");
        String base = command.calendar().value() + (label.isEmpty() ? "" : "-" + label);
        base = base.length() > 60 ? base.substring(0, 60) : base;
        FeedId candidate = new FeedId(base);
        for (int n = 2; catalog.findFeed(candidate).isPresent(); n++) {
            candidate = new FeedId(base + "-" + n);
        }
        return candidate;
    }
}
