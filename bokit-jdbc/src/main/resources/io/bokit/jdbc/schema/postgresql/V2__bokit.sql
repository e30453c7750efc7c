-- bokit-jdbc schema version 2 for PostgreSQL: leaner indexes, so that a first import writes less, and
-- the feed's event count, so that a sync of unchanged feeds reads no booking.
-- ${prefix} is the table prefix (bokit_ by default).
-- Bookings: the index on check_in alone goes (a query without a calendar asks for check_in < end,
-- which matches most rows anyway). History is listed in the order it was applied (its identity),
-- so the index on the time alone goes and the feed and calendar indexes end with the identity.
-- Feeds: event_count, the bookings of the last body imported, which a feed that did not change
-- reports as unchanged without counting its bookings; filled from the bookings for existing feeds.

ALTER TABLE ${prefix}feed ADD COLUMN IF NOT EXISTS event_count INTEGER NOT NULL DEFAULT 0;

UPDATE ${prefix}feed SET event_count = (
    SELECT COUNT(*) FROM ${prefix}booking b WHERE b.feed_id = ${prefix}feed.feed_id AND b.deleted = FALSE);

DROP INDEX IF EXISTS ${prefix}booking_check_in;

DROP INDEX IF EXISTS ${prefix}history_at;

DROP INDEX IF EXISTS ${prefix}history_feed;

DROP INDEX IF EXISTS ${prefix}history_calendar;

CREATE INDEX IF NOT EXISTS ${prefix}history_by_feed ON ${prefix}booking_history (feed_id, id);

CREATE INDEX IF NOT EXISTS ${prefix}history_by_calendar ON ${prefix}booking_history (calendar_key, id);

INSERT INTO ${prefix}schema_version (version, description) VALUES (2, 'leaner indexes, feed event count') ON CONFLICT (version) DO NOTHING;
