-- 001_init.sql — quipu's first schema. Applied inside a transaction; user_version set by the store.

CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,        -- what users and `quipu events` call it (JSONL id, file name, or hash prefix)
    hash          TEXT NOT NULL UNIQUE,        -- hash of the normalised text: the same article is stored once
    url           TEXT,
    title         TEXT,
    source        TEXT,                        -- outlet, or the path it was read from
    lang          TEXT,                        -- 'fr', 'en', or the detected other language
    published     TEXT,                        -- YYYY-MM-DD, the document creation time
    ingested_at   TEXT NOT NULL,
    text          TEXT NOT NULL,               -- cleaned text; byte offsets below point into it
    clutter_lines INTEGER NOT NULL DEFAULT 0,  -- scraped lines removed before extraction
    status        TEXT NOT NULL DEFAULT 'extracted'  -- 'extracted' or 'skipped: <reason>'
);
CREATE INDEX documents_published ON documents(published);

-- Lines cleaning took out (ads, related headlines, prompts): kept out of extraction but countable.
CREATE TABLE clutter (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    line_no     INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (document_id, line_no)
) WITHOUT ROWID;

CREATE TABLE sentences (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,              -- byte span in documents.text
    end         INTEGER NOT NULL,
    PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;

-- Actors as the lexicon knows them; an agent with a nationality ("Iraqi Air Force") is an actor
-- of its own whose parent is the country's government or state.
CREATE TABLE actors (
    id       TEXT PRIMARY KEY,                 -- stable: 'IRQ', 'IRQ-GOV', 'IRQ-AIRFORCE', 'ISIS', …
    label    TEXT NOT NULL,                    -- English label
    label_fr TEXT,
    kind     TEXT NOT NULL,                    -- state, government, military, paramilitary, armed group, coalition, igo, ngo, person, civilians
    country  TEXT,                             -- ISO 3166 alpha-3
    parent   TEXT REFERENCES actors(id)        -- what it rolls up to in the country view
);
CREATE INDEX actors_parent ON actors(parent);

CREATE TABLE actor_aliases (
    actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias    TEXT NOT NULL,
    folded   TEXT NOT NULL,                    -- case and accents removed, for look-ups
    lang     TEXT,
    PRIMARY KEY (folded, actor_id)
) WITHOUT ROWID;

CREATE TABLE places (
    id      TEXT PRIMARY KEY,                  -- 'geonames:<id>'
    label   TEXT NOT NULL,
    country TEXT,                              -- ISO 3166 alpha-2, as GeoNames
    lat     REAL,
    lon     REAL,
    feature TEXT                               -- GeoNames feature class.code, e.g. 'P.PPLA2', 'A.ADM1', 'A.PCLI'
);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    uid            TEXT NOT NULL UNIQUE,       -- '<document name>#<sentence>.<n>', stable across runs
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence       INTEGER NOT NULL,
    actor1         TEXT REFERENCES actors(id),
    actor1_text    TEXT,
    action         TEXT NOT NULL,              -- PLOVER category (or LEAD)
    mode           TEXT,
    context        TEXT,
    cameo          TEXT,                       -- CAMEO root code, for GDELT-style users
    action_text    TEXT,
    actor2         TEXT REFERENCES actors(id),
    actor2_text    TEXT,
    place_id       TEXT REFERENCES places(id),
    place_text     TEXT,
    time_value     TEXT,                       -- TIMEX3 value
    time_start     TEXT,                       -- interval [start, end) as ISO dates
    time_end       TEXT,
    time_grain     TEXT,                       -- day, week, month, year, …
    time_text      TEXT,
    time_anchor    TEXT,                       -- 'text' (a time expression) or 'document' (the article date)
    evidence_start INTEGER NOT NULL,           -- byte span in documents.text
    evidence_end   INTEGER NOT NULL,
    confidence     REAL NOT NULL,
    flags          INTEGER NOT NULL DEFAULT 0, -- QP_EVENT_* bits: negated, hypothetical, reported
    speaker        TEXT                        -- who reported it, for reported speech
);
CREATE INDEX events_actor1 ON events(actor1);
CREATE INDEX events_actor2 ON events(actor2);
CREATE INDEX events_place ON events(place_id);
CREATE INDEX events_time ON events(time_start);
CREATE INDEX events_document ON events(document_id);
CREATE INDEX events_action ON events(action);
