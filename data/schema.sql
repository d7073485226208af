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
  -- SCZR-2021-000123: drawn as the window's and year's highest + 1 inside
  -- the inserting BEGIN IMMEDIATE transaction, so no two terminals share one.
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
  -- Spelled out with OR: an IN list here builds an ephemeral table per row.
  status      TEXT NOT NULL DEFAULT '办结'
              CHECK (status = '受理' OR status = '办结' OR status = '退回' OR status = '转办'),
  note        TEXT NOT NULL DEFAULT '',
  clerk       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  voided_at   TEXT,
  voided_by   TEXT,
  void_reason TEXT
) STRICT;

-- The report and the tallies read only this index: it carries every column
-- their aggregates need, voided_at included, so it also serves listing a
-- day or a year in date order.
CREATE INDEX txn_report ON txn (occurred_on, matter_id, voided_at, category,
                                households, persons, quantity);
-- No index on id_number: search matches names by substring anyway (a scan),
-- and each index costs an import about a tenth of its time.
CREATE INDEX txn_open ON txn (occurred_on) WHERE status = '受理' AND voided_at IS NULL;

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

-- The rules hold whatever program writes the file.  (A locked year's
-- inserts are refused by ledger.c: a trigger on every insert cost 13% of an
-- import's time.)
CREATE TRIGGER txn_never_deleted BEFORE DELETE ON txn
BEGIN
  SELECT RAISE(ABORT, '办件不可删除，请作废');
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

-- migration 2
-- v2: what a matter demands at the counter (catalog columns 需申请人 and
-- 证件类型), and what follows an entry after it is saved: the phone to call
-- back, the due and done days of a 承诺件 (working days), the entry a
-- correction replaced, the citizen's rating, and the holiday calendar.
ALTER TABLE matter ADD COLUMN requires_applicant INTEGER NOT NULL DEFAULT 1
  CHECK (requires_applicant IN (0, 1));
ALTER TABLE matter ADD COLUMN id_kind TEXT NOT NULL DEFAULT '身份证'
  CHECK (id_kind IN ('身份证', '统一社会信用代码', '任一'));
UPDATE matter SET requires_applicant = 0 WHERE unit = '人次';
UPDATE matter SET id_kind = '统一社会信用代码'
  WHERE window_id IN (SELECT id FROM "window" WHERE code = 'sczr');

ALTER TABLE txn ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE txn ADD COLUMN due_on TEXT
  CHECK (due_on IS NULL OR due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE txn ADD COLUMN done_on TEXT
  CHECK (done_on IS NULL OR done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
-- The serial of the entry this one replaces (更正); the other direction is
-- found through this index.
ALTER TABLE txn ADD COLUMN corrects TEXT;
CREATE INDEX txn_corrects ON txn (corrects) WHERE corrects IS NOT NULL;

-- 好差评: one rating per entry (a re-rating replaces it, audited); a 差评
-- (level 1-2) carries its reason and, once called back, the follow-up.
CREATE TABLE rating (
  txn_id        INTEGER PRIMARY KEY REFERENCES txn(id),
  level         INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  reason        TEXT NOT NULL DEFAULT '',
  at            TEXT NOT NULL,
  login         TEXT NOT NULL,
  followup_note TEXT,
  followup_at   TEXT,
  followup_by   TEXT,
  CHECK (level > 2 OR reason <> '')
) STRICT;

-- The State Council's calendar: 休 = a day off, 班 = a weekend day worked.
-- A day not listed is a working day from Monday to Friday.
CREATE TABLE holiday (
  day  TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind TEXT NOT NULL CHECK (kind IN ('休', '班')),
  name TEXT NOT NULL DEFAULT ''
) STRICT;

-- migration 3
-- The report's 承诺件 figures read the year's cases with a due day through
-- this index: they are few among a center's entries.
CREATE INDEX txn_due ON txn (occurred_on) WHERE due_on IS NOT NULL;

-- migration 4
-- The names a window has served (申请人), one row per window and name with
-- the ID number and village of its latest entry: what the entry form offers
-- a returning citizen.  A save at the counter adds its name at once; the
-- rows of an import are taken in by the next reader, in one GROUP BY over
-- the entries past setting citizen_upto.  Read whole when a window's form
-- opens, matched in memory (prefix, substring, pinyin initials).
CREATE TABLE citizen (
  window_id  INTEGER NOT NULL REFERENCES "window"(id),
  applicant  TEXT NOT NULL,
  id_number  TEXT NOT NULL DEFAULT '',
  village_id INTEGER REFERENCES village(id),
  last_txn   INTEGER NOT NULL,
  PRIMARY KEY (window_id, applicant)
) STRICT, WITHOUT ROWID;
-- A bare column beside max() comes from the row holding the maximum.
INSERT INTO citizen (window_id, applicant, id_number, village_id, last_txn)
  SELECT m.window_id, t.applicant, t.id_number, t.village_id, max(t.id)
  FROM txn t JOIN matter m ON m.id = t.matter_id
  WHERE t.applicant <> '' AND t.voided_at IS NULL
  GROUP BY m.window_id, t.applicant;
INSERT INTO setting (key, value) SELECT 'citizen_upto', CAST(coalesce(max(id), 0) AS TEXT) FROM txn
  WHERE true ON CONFLICT (key) DO UPDATE SET value = excluded.value;

-- migration 5
-- A name is offered while an entry that is not voided carries it: each
-- citizen row counts those entries (uses) among the ledger's rows up to
-- setting citizen_upto.  A save at the counter adds one (ledger.c), the
-- next reader's catch-up adds an import's (citizen.c), and a void -- 作废,
-- 更正 and 撤销 alike, by whatever program -- takes one away in its own
-- UPDATE, by the trigger below.  A name with none left is no longer
-- offered; when the voided entry was the name's latest, the row takes the
-- ID number and village of the latest one left, so a number corrected away
-- is not offered either.  The counts are rebuilt from the ledger here.
ALTER TABLE citizen ADD COLUMN uses INTEGER NOT NULL DEFAULT 0;
DELETE FROM citizen;
INSERT INTO citizen (window_id, applicant, id_number, village_id, last_txn, uses)
  SELECT m.window_id, t.applicant, t.id_number, t.village_id, max(t.id), count(*)
  FROM txn t JOIN matter m ON m.id = t.matter_id
  WHERE t.applicant <> '' AND t.voided_at IS NULL
  GROUP BY m.window_id, t.applicant;
INSERT INTO setting (key, value) SELECT 'citizen_upto', CAST(coalesce(max(id), 0) AS TEXT) FROM txn
  WHERE true ON CONFLICT (key) DO UPDATE SET value = excluded.value;
-- Only on a void: an insert trigger would cost every import.  The entries
-- past citizen_upto are not counted yet; the catch-up skips them if voided.
CREATE TRIGGER citizen_voided AFTER UPDATE OF voided_at ON txn
  WHEN OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL AND OLD.applicant <> ''
    AND OLD.id <= (SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'citizen_upto')
BEGIN
  UPDATE citizen SET uses = uses - 1
    WHERE window_id = (SELECT window_id FROM matter WHERE id = OLD.matter_id)
      AND applicant = OLD.applicant;
  DELETE FROM citizen
    WHERE window_id = (SELECT window_id FROM matter WHERE id = OLD.matter_id)
      AND applicant = OLD.applicant AND uses <= 0;
  UPDATE citizen SET (id_number, village_id, last_txn) = (
      SELECT t.id_number, t.village_id, t.id FROM txn t JOIN matter m ON m.id = t.matter_id
      WHERE m.window_id = citizen.window_id AND t.applicant = citizen.applicant
        AND t.voided_at IS NULL AND t.id < OLD.id
      ORDER BY t.id DESC LIMIT 1)
    WHERE window_id = (SELECT window_id FROM matter WHERE id = OLD.matter_id)
      AND applicant = OLD.applicant AND last_txn = OLD.id;
END;
