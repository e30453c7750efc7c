-- bokit-jdbc schema version 3 for PostgreSQL: the served exports.
-- ${prefix} is the table prefix (bokit_ by default). Instants are epoch microseconds (BIGINT).
-- One row per export: a calendar's iCal for one target feed (or none, target_feed NULL), served at a
-- secret URL. Only the SHA-256 of the token is kept (token_hash, 64 hex digits), never the token, so a
-- copy of this table opens no export; token_hint is its first four characters, for lists.

CREATE TABLE IF NOT EXISTS ${prefix}export (
    export_id    VARCHAR(64)   NOT NULL PRIMARY KEY,
    calendar_key VARCHAR(64)   NOT NULL,
    target_feed  VARCHAR(64),
    guest_names  BOOLEAN       NOT NULL,
    token_hash   CHAR(64)      NOT NULL,
    token_hint   VARCHAR(8)    NOT NULL,
    created_at   BIGINT        NOT NULL,
    rotated_at   BIGINT
);

CREATE UNIQUE INDEX IF NOT EXISTS ${prefix}export_token ON ${prefix}export (token_hash);

INSERT INTO ${prefix}schema_version (version, description) VALUES (3, 'served exports') ON CONFLICT (version) DO NOTHING;
