package io.bokit.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap while a phase runs: the peak of used heap and the largest heap still in use right after a
 * collection (close to the live data the phase needed). Used heap only grows between two collections, so its peak is
 * each collection's "before" figure or the heap at the end of the phase: no sampling thread is needed (one that
 * polled every millisecond cost the measured JVM more than a CPU-second per phase). Thread-safe; close it to stop.
 */
final class HeapWatcher implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onCollection;

    HeapWatcher() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** Starts a new phase: collects garbage so the phase starts from its live data, and forgets the peaks. */
    void reset() {
        System.gc();
        try {
            Thread.sleep(100); // let the collection's notification arrive before the peaks are forgotten
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        peakUsed.set(used());
        peakAfterGc.set(0);
        collections.set(0);
    }

    /** The peak of used heap since the last reset, in bytes. */
    long peakUsed() {
        peakUsed.accumulateAndGet(used(), Math::max);
        return peakUsed.get();
    }

    /** The largest heap in use right after a collection since the last reset, in bytes (0 if none ran). */
    long peakAfterGc() {
        return peakAfterGc.get();
    }

    /** Collections since the last reset. */
    long collections() {
        return collections.get();
    }

    /** The maximum heap this JVM may use, in bytes. */
    long maxHeap() {
        return memory.getHeapMemoryUsage().getMax();
    }

    private long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void onCollection(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        collections.incrementAndGet();
        peakUsed.accumulateAndGet(sum(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        peakAfterGc.accumulateAndGet(sum(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
    }

    private static long sum(Map<String, MemoryUsage> pools) {
        long total = 0;
        for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
            if (isHeap(pool.getKey())) {
                total += pool.getValue().getUsed();
            }
        }
        return total;
    }

    /** The heap pools of the usual collectors (G1, Parallel, Serial); metaspace and code caches are not heap. */
    private static boolean isHeap(String pool) {
        return pool.contains("Eden")
                || pool.contains("Survivor")
                || pool.contains("Old")
                || pool.contains("Tenured")
                || pool.contains("Humongous");
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
