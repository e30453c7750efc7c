package io.bokit.core.port.in;

import io.bokit.core.domain.ExportId;
import io.bokit.core.domain.ExportLink;
import java.util.List;
import java.util.Optional;

/**
 * Manages the served exports and their secret tokens. A token is random ({@value
 * io.bokit.core.domain.ExportToken#GENERATED_BYTES} bytes from {@link java.security.SecureRandom}) and stored only
 * as its SHA-256: {@link #add} and {@link #rotate} are the only times it is known in clear. Thread-safe; every
 * method may throw {@link io.bokit.core.domain.StorageException}.
 */
public interface ExportLinksUseCase {

    /**
     * Adds an export with a new token.
     *
     * @param command what to export, not null
     * @return the export and its token, never null
     * @throws io.bokit.core.domain.InvalidInputException if the calendar is unknown, or the target feed is unknown
     *     or belongs to another calendar
     */
    IssuedExport add(AddExportCommand command);

    /**
     * Every export, tokens masked (only their hints are known).
     *
     * @return the exports by calendar then id, never null
     */
    List<ExportLink> list();

    /**
     * Gives an export a new token; the old one is refused from now on.
     *
     * @param id the export, not null
     * @return the export and its new token, never null
     * @throws io.bokit.core.domain.InvalidInputException if there is no such export
     */
    IssuedExport rotate(ExportId id);

    /**
     * Removes an export; its token is refused from now on.
     *
     * @param id the export, not null
     * @return whether there was one
     */
    boolean remove(ExportId id);

    /**
     * The export that a requested token opens, comparing hashes in constant time.
     *
     * @param token the token from the request path, may be null or malformed (then empty)
     * @return the export, or empty if no export's current token is this one
     */
    Optional<ExportLink> resolve(String token);
}
