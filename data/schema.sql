-- bianmin database schema.  Each "-- migration N" section brings a database
-- from user_version N-1 to N; db.c applies the sections above the file's
-- user_version inside one BEGIN IMMEDIATE transaction.  Append, never edit.

-- migration 1
CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE "window" (
  id       INTEGER PRIMARY KEY,
  code     TEXT NOT NULL UNIQUE,
  name     TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL
) STRICT;

CREATE TABLE matter (
  id               INTEGER PRIMARY KEY,
  window_id        INTEGER NOT NULL REFERENCES "window"(id),
  code             TEXT NOT NULL,
  name             TEXT NOT NULL,
  unit             TEXT NOT NULL CHECK (unit IN ('项','件','人次','人','户','个','户+人')),
  category_options TEXT NOT NULL DEFAULT '',
  requires_id      INTEGER NOT NULL DEFAULT 0 CHECK (requires_id IN (0, 1)),
  time_limit_days  INTEGER NOT NULL DEFAULT 0 CHECK (time_limit_days >= 0),
  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  position         INTEGER NOT NULL,
  UNIQUE (window_id, code),
  UNIQUE (window_id, name)
) STRICT;

CREATE TABLE village (
  id       INTEGER PRIMARY KEY,
  code     TEXT NOT NULL UNIQUE,
  name     TEXT NOT NULL UNIQUE,
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  position INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE clerk (
  login   TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  role    TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
  windows TEXT NOT NULL DEFAULT ''
) STRICT;

-- One row per transaction (办件).  Never deleted: a mistake is voided.
CREATE TABLE txn (
  id          INTEGER PRIMARY KEY,
  serial      TEXT NOT NULL UNIQUE,
  matter_id   INTEGER NOT NULL REFERENCES matter(id),
  occurred_on TEXT NOT NULL CHECK (occurred_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  occurred_at TEXT NOT NULL DEFAULT '',
  applicant   TEXT NOT NULL DEFAULT '',
  id_number   TEXT NOT NULL DEFAULT '',
  village_id  INTEGER REFERENCES village(id),
  households  INTEGER NOT NULL DEFAULT 1 CHECK (households >= 0),
  persons     INTEGER NOT NULL DEFAULT 1 CHECK (persons >= 0),
  quantity    INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1),
  category    TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT '办结' CHECK (status IN ('受理','办结','退回','转办')),
  note        TEXT NOT NULL DEFAULT '',
  clerk       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  voided_at   TEXT,
  voided_by   TEXT,
  void_reason TEXT
) STRICT;

-- The report reads only this index: a year's live entries, already carrying
-- every column the aggregate needs.
CREATE INDEX txn_report ON txn (occurred_on, matter_id, category, households, persons, quantity)
  WHERE voided_at IS NULL;
CREATE INDEX txn_day ON txn (occurred_on);
CREATE INDEX txn_id_number ON txn (id_number) WHERE id_number <> '';
CREATE INDEX txn_open ON txn (occurred_on) WHERE status = '受理' AND voided_at IS NULL;

-- Serial numbers are per window and year; the counter row is updated inside
-- the inserting transaction, so two terminals can never draw the same number.
CREATE TABLE serial_counter (
  window_id INTEGER NOT NULL REFERENCES "window"(id),
  year      INTEGER NOT NULL,
  last      INTEGER NOT NULL,
  PRIMARY KEY (window_id, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE year_lock (
  year      INTEGER PRIMARY KEY,
  locked_by TEXT NOT NULL,
  locked_at TEXT NOT NULL
) STRICT;

CREATE TABLE audit (
  id     INTEGER PRIMARY KEY,
  at     TEXT NOT NULL,
  login  TEXT NOT NULL,
  action TEXT NOT NULL,
  txn_id INTEGER REFERENCES txn(id),
  detail TEXT NOT NULL DEFAULT ''
) STRICT;

-- The rules hold whatever program writes the file.
CREATE TRIGGER txn_never_deleted BEFORE DELETE ON txn
BEGIN
  SELECT RAISE(ABORT, '办件不可删除，请作废');
END;

CREATE TRIGGER txn_locked_insert BEFORE INSERT ON txn
  WHEN EXISTS (SELECT 1 FROM year_lock WHERE year = CAST(substr(NEW.occurred_on, 1, 4) AS INTEGER))
BEGIN
  SELECT RAISE(ABORT, '该年度已锁定，不能录入');
END;

CREATE TRIGGER txn_locked_void BEFORE UPDATE OF voided_at ON txn
  WHEN EXISTS (SELECT 1 FROM year_lock WHERE year = CAST(substr(OLD.occurred_on, 1, 4) AS INTEGER))
BEGIN
  SELECT RAISE(ABORT, '该年度已锁定，不能作废');
END;

CREATE TRIGGER audit_append_only BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, '审计记录不可删除');
END;
