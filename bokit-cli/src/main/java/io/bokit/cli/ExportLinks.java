package io.bokit.cli;

import io.bokit.core.application.ExportLinksService;
import io.bokit.core.port.in.ExportLinksUseCase;
import io.bokit.jdbc.BokitJdbc;
import io.bokit.jdbc.InitializeMode;

/**
 * The served exports of the store a {@link Store} opened: the same database, its tables already created or
 * upgraded by the store, read through bokit-jdbc's own export store.
 */
final class ExportLinks {
    private ExportLinks() {}

    /** The exports use case over the database of this context's store, which must be open. */
    static ExportLinksUseCase open(CliContext context) {
        StoreSettings settings = context.storeSettings();
        BokitJdbc jdbc = BokitJdbc.builder(
                        new DriverManagerDataSource(settings.url(), settings.user(), settings.password()))
                .initialize(InitializeMode.NEVER)
                .build();
        return new ExportLinksService(jdbc.feedCatalog(), jdbc.exportLinks(), context.clock());
    }
}
