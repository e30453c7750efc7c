package io.bokit.core.port.in;

/** Reports the sync status: gate, interval, last claim, next due, lease, and every feed. */
public interface StatusUseCase {

    /**
     * The status now.
     *
     * @return never null; an invalid stored option shows in {@link SyncStatus#problem()}
     * @throws io.bokit.core.domain.StorageException if the store cannot be read
     */
    SyncStatus status();
}
