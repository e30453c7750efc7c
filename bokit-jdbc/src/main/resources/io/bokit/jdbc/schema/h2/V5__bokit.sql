-- bokit-jdbc schema version 5 for H2 2.x: what the last body read skipped.
-- ${prefix} is the table prefix (bokit_ by default).
-- Feeds: skipped_count, the events the last body read skipped (damaged, or a UID the feed repeats), and
-- skipped_reasons, why, for the first few of them: one short line each, separated by line feeds, never a URL.
-- Feeds imported before this version say 0 and no reason until their next changed body.

ALTER TABLE ${prefix}feed ADD COLUMN IF NOT EXISTS skipped_count INTEGER DEFAULT 0 NOT NULL;

ALTER TABLE ${prefix}feed ADD COLUMN IF NOT EXISTS skipped_reasons VARCHAR(4000);

MERGE INTO ${prefix}schema_version (version, description) KEY (version) VALUES (5, 'skipped events of the last body');
