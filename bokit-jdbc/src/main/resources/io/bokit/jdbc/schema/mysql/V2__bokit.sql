-- bokit-jdbc schema version 2 for MySQL and MariaDB: leaner indexes, so that a first import writes less, and
-- the feed's event count, so that a sync of unchanged feeds reads no booking.
-- ${prefix} is the table prefix (bokit_ by default).
-- Bookings: the index on check_in alone goes (a query without a calendar asks for check_in < end,
-- which matches most rows anyway). History is listed in the order it was applied (its identity),
-- so the index on the time alone goes and the feed and calendar indexes end with the identity.
-- Feeds: event_count, the bookings of the last body imported, which a feed that did not change
-- reports as unchanged without counting its bookings; filled from the bookings for existing feeds.
-- MySQL has no IF NOT EXISTS for columns and indexes: each statement runs once, under bokit's schema lock.

ALTER TABLE ${prefix}feed ADD COLUMN event_count INTEGER DEFAULT 0 NOT NULL;

UPDATE ${prefix}feed SET event_count = (
    SELECT COUNT(*) FROM ${prefix}booking b WHERE b.feed_id = ${prefix}feed.feed_id AND b.deleted = FALSE);

DROP INDEX ${prefix}booking_check_in ON ${prefix}booking;

ALTER TABLE ${prefix}booking_history
    DROP INDEX ${prefix}history_at,
    DROP INDEX ${prefix}history_feed,
    DROP INDEX ${prefix}history_calendar,
    ADD INDEX ${prefix}history_by_feed (feed_id, id),
    ADD INDEX ${prefix}history_by_calendar (calendar_key, id);

INSERT IGNORE INTO ${prefix}schema_version (version, description) VALUES (2, 'leaner indexes, feed event count');
