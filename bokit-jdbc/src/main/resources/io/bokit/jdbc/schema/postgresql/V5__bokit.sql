-- bokit-jdbc schema version 5 for PostgreSQL: what the last body read skipped.
-- ${prefix} is the table prefix (bokit_ by default).
-- Feeds: skipped_count, the events the last body read skipped (damaged, or a UID the feed repeats), and
-- skipped_reasons, why, for the first few of them: one short line each, separated by line feeds, never a URL.
-- Feeds imported before this version say 0 and no reason until their next changed body.

ALTER TABLE ${prefix}feed ADD COLUMN IF NOT EXISTS skipped_count INTEGER NOT NULL DEFAULT 0;

ALTER TABLE ${prefix}feed ADD COLUMN IF NOT EXISTS skipped_reasons VARCHAR(4000);

INSERT INTO ${prefix}schema_version (version, description) VALUES (5, 'skipped events of the last body') ON CONFLICT (version) DO NOTHING;
