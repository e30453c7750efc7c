-- bokit-jdbc schema version 3 for MySQL and MariaDB: the served exports.
-- ${prefix} is the table prefix (bokit_ by default). Instants are epoch microseconds (BIGINT).
-- One row per export: a calendar's iCal for one target feed (or none, target_feed NULL), served at a
-- secret URL. Only the SHA-256 of the token is kept (token_hash, 64 hex digits), never the token, so a
-- copy of this table opens no export; token_hint is its first four characters, for lists.

CREATE TABLE IF NOT EXISTS ${prefix}export (
    export_id    VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    calendar_key VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    target_feed  VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin,
    guest_names  BOOLEAN       NOT NULL,
    token_hash   CHAR(64)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    token_hint   VARCHAR(8)    NOT NULL,
    created_at   BIGINT        NOT NULL,
    rotated_at   BIGINT,
    UNIQUE INDEX ${prefix}export_token (token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT IGNORE INTO ${prefix}schema_version (version, description) VALUES (3, 'served exports');
