package io.bokit.core.application;

import io.bokit.core.domain.ExportId;
import io.bokit.core.domain.ExportLink;
import io.bokit.core.domain.ExportToken;
import io.bokit.core.domain.Feed;
import io.bokit.core.domain.InvalidInputException;
import io.bokit.core.domain.TokenHash;
import io.bokit.core.port.in.AddExportCommand;
import io.bokit.core.port.in.ExportLinksUseCase;
import io.bokit.core.port.in.IssuedExport;
import io.bokit.core.port.out.ClockPort;
import io.bokit.core.port.out.ExportLinksPort;
import io.bokit.core.port.out.FeedCatalogPort;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds, lists, rotates and removes exports over {@link ExportLinksPort}, with tokens from {@link SecureRandom}.
 * Thread-safe; {@link Bokit#exportLinks()} is one, and a tool that opens the stores itself may build another.
 */
public final class ExportLinksService implements ExportLinksUseCase {
    private final FeedCatalogPort catalog;
    private final ExportLinksPort links;
    private final ClockPort clock;
    private final SecureRandom random = new SecureRandom();

    /** Creates the service over the catalog (to check calendars and feeds), the export store and the clock. */
    public ExportLinksService(FeedCatalogPort catalog, ExportLinksPort links, ClockPort clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.links = Objects.requireNonNull(links, "links");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public IssuedExport add(AddExportCommand command) {
        Objects.requireNonNull(command, "command");
        catalog.findCalendar(command.calendar())
                .orElseThrow(() -> new InvalidInputException("Unknown calendar " + command.calendar()));
        if (command.target() != null) {
            Feed feed = catalog.findFeed(command.target())
                    .orElseThrow(() -> new InvalidInputException("Unknown feed " + command.target()));
            if (!feed.calendar().equals(command.calendar())) {
                throw new InvalidInputException("Feed " + feed.id() + " belongs to calendar " + feed.calendar()
                        + ", not to " + command.calendar());
            }
        }
        ExportId id = newId();
        ExportToken token = newToken();
        ExportLink link =
                ExportLink.create(id, command.calendar(), command.target(), command.guestNames(), token, clock.now());
        links.save(link);
        return new IssuedExport(link, token);
    }

    @Override
    public List<ExportLink> list() {
        return links.list();
    }

    @Override
    public IssuedExport rotate(ExportId id) {
        Objects.requireNonNull(id, "id");
        ExportLink current = links.find(id).orElseThrow(() -> new InvalidInputException("Unknown export " + id));
        ExportToken token = newToken();
        ExportLink rotated = current.withToken(token, clock.now());
        links.save(rotated);
        return new IssuedExport(rotated, token);
    }

    @Override
    public boolean remove(ExportId id) {
        return links.remove(Objects.requireNonNull(id, "id"));
    }

    @Override
    public Optional<ExportLink> resolve(String token) {
        if (!ExportToken.isWellFormed(token)) {
            return Optional.empty();
        }
        ExportToken requested = new ExportToken(token);
        TokenHash hash = requested.hash();
        // the store looks the hash up by index; the final word is a constant-time comparison
        return links.findByTokenHash(hash).filter(link -> link.tokenHash().matches(requested));
    }

    private ExportToken newToken() {
        byte[] bytes = new byte[ExportToken.GENERATED_BYTES];
        random.nextBytes(bytes);
        return ExportToken.of(bytes);
    }

    /** A new id, {@code x} and 10 hex digits, unused so far. */
    private ExportId newId() {
        for (; ; ) {
            byte[] bytes = new byte[5];
            random.nextBytes(bytes);
            ExportId id = ExportId.of("x" + HexFormat.of().formatHex(bytes));
            if (links.find(id).isEmpty()) {
                return id;
            }
        }
    }
}
