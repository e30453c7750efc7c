package io.bokit.core.port.out;

import io.bokit.core.domain.ExportId;
import io.bokit.core.domain.ExportLink;
import io.bokit.core.domain.TokenHash;
import java.util.List;
import java.util.Optional;

/**
 * Where the served exports live. A store keeps each export's token hash, never its token. Every method is
 * thread-safe and throws {@link io.bokit.core.domain.StorageException} when the store cannot be used.
 */
public interface ExportLinksPort {

    /**
     * Stores an export, replacing the one with its id.
     *
     * @param link the export, not null
     * @throws io.bokit.core.domain.InvalidInputException if another export has the same token hash
     */
    void save(ExportLink link);

    /**
     * The export with this id.
     *
     * @param id the id, not null
     * @return the export, or empty if there is none
     */
    Optional<ExportLink> find(ExportId id);

    /**
     * The export whose current token has this hash: what serving a request looks up.
     *
     * @param hash the hash of the requested token, not null
     * @return the export, or empty if no export's current token has that hash
     */
    Optional<ExportLink> findByTokenHash(TokenHash hash);

    /**
     * Every export, by calendar then id.
     *
     * @return the exports, never null
     */
    List<ExportLink> list();

    /**
     * Removes an export.
     *
     * @param id the id, not null
     * @return whether there was one
     */
    boolean remove(ExportId id);
}
