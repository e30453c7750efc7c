-- bokit-jdbc schema version 4 for MySQL and MariaDB: the double-booking records.
-- ${prefix} is the table prefix (bokit_ by default).

-- ---- double bookings (begin) ----
-- One row per double-booking record: two bookings of one calendar from different sources (first sorts before
-- second by feed id, uid, recurrence id), the nights they share (nights_to exclusive, like a check-out), when it
-- was found and when it closed (epoch microseconds). open_marker is 1 while the record is open and NULL once closed.
-- The overlap is longer than an InnoDB index allows, so open_key, a stored generated column, holds its SHA-256 while
-- the record is open and NULL once closed: NULLs never collide in a unique index, so at most one record of an
-- overlap is open, as on H2 and PostgreSQL.
CREATE TABLE IF NOT EXISTS ${prefix}double_booking (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    calendar_key         VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    first_feed_id        VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    first_uid            VARBINARY(4000) NOT NULL,
    first_recurrence_id  VARBINARY(800) DEFAULT '' NOT NULL,
    second_feed_id       VARCHAR(64)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    second_uid           VARBINARY(4000) NOT NULL,
    second_recurrence_id VARBINARY(800) DEFAULT '' NOT NULL,
    nights_from          DATE          NOT NULL,
    nights_to            DATE          NOT NULL,
    found_at             BIGINT        NOT NULL,
    closed_at            BIGINT,
    open_marker          INTEGER       CHECK (open_marker = 1),
    open_key             BINARY(32)    AS (IF(open_marker = 1, UNHEX(SHA2(CONCAT_WS(X'00', calendar_key,
                             first_feed_id, first_uid, first_recurrence_id, second_feed_id, second_uid,
                             second_recurrence_id, nights_from, nights_to), 256)), NULL)) STORED,
    UNIQUE INDEX ${prefix}double_booking_open (open_key),
    INDEX ${prefix}double_booking_by_open (open_marker, calendar_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT IGNORE INTO ${prefix}schema_version (version, description) VALUES (4, 'double bookings');
-- ---- double bookings (end) ----
