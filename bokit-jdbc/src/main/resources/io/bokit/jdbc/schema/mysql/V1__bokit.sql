-- bokit-jdbc schema version 1 for MySQL 8.0 or later and MariaDB 10.11 or later (InnoDB).
-- ${prefix} is the table prefix (bokit_ by default). Instants are epoch microseconds (BIGINT).
-- To run this script with Flyway or Liquibase, set a placeholder / property "prefix" (e.g. bokit_).
-- Every table says its character set (utf8mb4, so a guest name can hold any character) whatever the server's
-- default. Text compares exactly, as on H2 and PostgreSQL: ids and keys are ASCII with a binary collation; free-text
-- keys (option keys, booking UIDs and recurrence ids) are VARBINARY, their UTF-8 bytes, because every binary
-- collation both servers share ignores trailing spaces. A booking's key (up to 4,800 bytes) is longer than an InnoDB
-- index allows (3,072 bytes), so a stored generated column holds its SHA-256 and the unique index is on that.
-- MySQL and MariaDB commit each CREATE or ALTER at once: bokit holds a lock (GET_LOCK) while it runs a script, so one
-- node at a time does; a script stopped half-way (the process killed) leaves its first statements done.

CREATE TABLE IF NOT EXISTS ${prefix}schema_version (
    version      INTEGER       NOT NULL PRIMARY KEY,
    description  VARCHAR(200)  NOT NULL,
    installed_at DATETIME(6)   DEFAULT CURRENT_TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}option (
    option_key   VARBINARY(800) NOT NULL PRIMARY KEY,
    option_value MEDIUMTEXT     NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- exactly one row (id = 1): the last claimed interval and the run lease
CREATE TABLE IF NOT EXISTS ${prefix}sync_state (
    id             INTEGER       NOT NULL PRIMARY KEY CHECK (id = 1),
    last_claim     BIGINT,
    lease_owner    VARCHAR(200),
    lease_token    VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin,
    lease_acquired BIGINT,
    lease_until    BIGINT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT IGNORE INTO ${prefix}sync_state (id) VALUES (1);

CREATE TABLE IF NOT EXISTS ${prefix}calendar (
    calendar_key VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    name         VARCHAR(1000) NOT NULL,
    zone_id      VARCHAR(100)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}feed (
    feed_id              VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    calendar_key         VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name                 VARCHAR(1000) NOT NULL,
    url                  MEDIUMTEXT    NOT NULL,
    enabled              BOOLEAN       NOT NULL,
    etag                 MEDIUMTEXT,
    last_modified        MEDIUMTEXT,
    body_hash            VARCHAR(200),
    last_attempt         BIGINT,
    last_success         BIGINT,
    last_error           MEDIUMTEXT,
    consecutive_failures INTEGER       NOT NULL,
    backoff_until        BIGINT,
    consecutive_empty    INTEGER       NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}booking (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    feed_id            VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    uid                VARBINARY(4000) NOT NULL,
    recurrence_id      VARBINARY(800) DEFAULT '' NOT NULL,
    calendar_key       VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    status             VARCHAR(40)   NOT NULL,
    guest_name         MEDIUMTEXT,
    check_in           DATE          NOT NULL,
    check_out          DATE          NOT NULL,
    start_at           VARCHAR(100),
    end_at             VARCHAR(100),
    metadata           MEDIUMTEXT    DEFAULT ('') NOT NULL,
    base_status        VARCHAR(40)   NOT NULL,
    base_guest_name    MEDIUMTEXT,
    base_check_in      DATE          NOT NULL,
    base_check_out     DATE          NOT NULL,
    base_start_at      VARCHAR(100),
    base_end_at        VARCHAR(100),
    base_metadata      MEDIUMTEXT    DEFAULT ('') NOT NULL,
    deleted            BOOLEAN       DEFAULT FALSE NOT NULL,
    -- the key (feed_id, uid, recurrence_id) is unique: a NUL cannot be stored, so it separates uid and recurrence_id
    key_hash           BINARY(32)    AS (UNHEX(SHA2(CONCAT(uid, X'00', recurrence_id), 256))) STORED,
    UNIQUE INDEX ${prefix}booking_key (feed_id, key_hash),
    INDEX ${prefix}booking_check_in (check_in),
    INDEX ${prefix}booking_calendar (calendar_key, check_in)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}booking_history (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at_micros     BIGINT        NOT NULL,
    calendar_key  VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    feed_id       VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    uid           VARBINARY(4000) NOT NULL,
    recurrence_id VARBINARY(800) DEFAULT '' NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    field         MEDIUMTEXT,
    old_value     MEDIUMTEXT,
    new_value     MEDIUMTEXT,
    INDEX ${prefix}history_at (at_micros, id),
    INDEX ${prefix}history_feed (feed_id, at_micros, id),
    INDEX ${prefix}history_calendar (calendar_key, at_micros, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT IGNORE INTO ${prefix}schema_version (version, description) VALUES (1, 'bokit tables');
