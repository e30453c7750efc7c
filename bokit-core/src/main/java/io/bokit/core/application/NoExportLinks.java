package io.bokit.core.application;

import io.bokit.core.domain.ExportId;
import io.bokit.core.domain.ExportLink;
import io.bokit.core.domain.TokenHash;
import io.bokit.core.port.out.ExportLinksPort;
import java.util.List;
import java.util.Optional;

/** The export store of a {@link Bokit} built without one: no export is found, and none can be added. */
final class NoExportLinks implements ExportLinksPort {
    private static final String MESSAGE =
            "No export store: give an ExportLinksPort to Bokit.builder().exportLinks(…) to serve exports";

    @Override
    public void save(ExportLink link) {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public Optional<ExportLink> find(ExportId id) {
        return Optional.empty();
    }

    @Override
    public Optional<ExportLink> findByTokenHash(TokenHash hash) {
        return Optional.empty();
    }

    @Override
    public List<ExportLink> list() {
        return List.of();
    }

    @Override
    public boolean remove(ExportId id) {
        return false;
    }
}
