-- bokit-jdbc schema version 6 for PostgreSQL: shared runs (sync.shared_runs).
-- ${prefix} is the table prefix (bokit_ by default). Instants are epoch microseconds.
-- run: one row per shared run, with the run lease its opener holds (released by whoever closes it); closed is 0
-- while nodes claim its feeds, 1 afterwards. Opening a run removes the rows of closed runs.
-- run_slot: per_host places per channel host; a node holds one while it claims the host's feeds, until
-- lease_until, renewed at each claim. claim_version changes at every take, so a lost place claims nothing.
-- run_feed: the run's feeds in planned order (seq); a claim holds until lease_until; outcome is NULL until a
-- result is recorded, then the result's fields (counters: eight numbers separated by commas; skipped: one
-- reason per line).

CREATE TABLE IF NOT EXISTS ${prefix}run (
    run_id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    lease_owner    VARCHAR(200)  NOT NULL,
    lease_token    VARCHAR(64)   NOT NULL,
    lease_acquired BIGINT        NOT NULL,
    lease_until    BIGINT        NOT NULL,
    per_host       INTEGER       NOT NULL,
    closed         INTEGER       DEFAULT 0 NOT NULL
);

CREATE TABLE IF NOT EXISTS ${prefix}run_slot (
    run_id        VARCHAR(64)   NOT NULL,
    host          VARCHAR(255)  NOT NULL,
    place         INTEGER       NOT NULL,
    holder        VARCHAR(200),
    claim_version BIGINT        DEFAULT 0 NOT NULL,
    lease_until   BIGINT,
    PRIMARY KEY (run_id, host, place)
);

CREATE TABLE IF NOT EXISTS ${prefix}run_feed (
    run_id        VARCHAR(64)   NOT NULL,
    feed_id       VARCHAR(64)   NOT NULL,
    seq           INTEGER       NOT NULL,
    feed_name     VARCHAR(1000) NOT NULL,
    host          VARCHAR(255)  NOT NULL,
    holder        VARCHAR(200),
    claim_version BIGINT        DEFAULT 0 NOT NULL,
    lease_until   BIGINT,
    outcome       VARCHAR(20),
    counters      VARCHAR(200),
    error         VARCHAR(4000),
    note          VARCHAR(4000),
    skipped       VARCHAR(4000),
    PRIMARY KEY (run_id, feed_id)
);

CREATE INDEX IF NOT EXISTS ${prefix}run_feed_by_host ON ${prefix}run_feed (run_id, host, seq);

INSERT INTO ${prefix}schema_version (version, description) VALUES (6, 'shared runs') ON CONFLICT (version) DO NOTHING;
