package io.bokit.core.port.out;

import java.time.Instant;

/** The real clock: the only place in bokit that reads the system time. */
enum SystemClock implements ClockPort {
    INSTANCE;

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }
}
