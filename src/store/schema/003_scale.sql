-- 003_scale.sql — a database fed for years (issue 14): reads that use indexes, and the extractor
-- that made each event, for `quipu reextract`.
--
-- Windows filter on whole days: `day` is the first day of an event (its time's start, else its
-- document's date) and `day_end` its time's end (exclusive), else its start, else the document's
-- date, as days since 1970-01-01 (the comparisons the text columns had, on numbers), so that "--since D --until E" is
-- day_end > D AND day <= E, a range on an index. The longest span of any event is kept in
-- store_meta ('max_span_days'), so that the since bound becomes day > D - max_span too, a bound
-- the index can use.
--
-- Each index ends with day_end, so that the rows of the since bound's margin (day between
-- since - max_span and since, most of them a day long and over before since) are passed over
-- in the index without their row being read: a hub's quarter at 10 M events read a year and a
-- quarter of rows without it.
-- Indexes, each for the reads EXPLAIN QUERY PLAN showed needing it (src/store/store_events.c):
--   events_day             window alone: `quipu query sides --since --until`, timelines
--   events_actor1_day,
--   events_actor2_day      an actor and a window: `quipu events --actor X`, `quipu query backers X`
--   events_place_day       a place or a country (through the place ids of that country)
-- (events_document, kept by 002, serves --doc, reextract and the documents' counts.)

CREATE TABLE extractors (
    id      INTEGER PRIMARY KEY,
    version TEXT NOT NULL UNIQUE               -- 'quipu 0.1.0+3f2a9c01b7d4': lexicons, forms, models, gazetteer fingerprinted
);

CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value
) WITHOUT ROWID;

ALTER TABLE documents ADD COLUMN extractor INTEGER REFERENCES extractors(id); -- its last extraction; NULL before 003
ALTER TABLE events ADD COLUMN extractor INTEGER REFERENCES extractors(id);    -- what made it; NULL before 003
ALTER TABLE events ADD COLUMN day INTEGER;
ALTER TABLE events ADD COLUMN day_end INTEGER;

UPDATE events SET
    day = CAST(julianday(coalesce(events.time_start, d.published)) - 2440587.5 AS INTEGER),
    day_end = CAST(julianday(coalesce(events.time_end, events.time_start, d.published)) - 2440587.5 AS INTEGER)
FROM documents d WHERE d.id = events.document_id;

INSERT INTO store_meta (key, value)
    SELECT 'max_span_days', coalesce(max(day_end - day), 0) FROM events;

-- A row written without its days (by SQL of another program, or a test's fixture) gets them
-- here, so that windows see it; quipu's own writes set them and never fire this.
CREATE TRIGGER events_days AFTER INSERT ON events WHEN NEW.day IS NULL AND NEW.day_end IS NULL BEGIN
    UPDATE events SET
        day = CAST(julianday(coalesce(NEW.time_start, (SELECT published FROM documents WHERE id = NEW.document_id)))
                   - 2440587.5 AS INTEGER),
        day_end = CAST(julianday(coalesce(NEW.time_end, NEW.time_start,
                       (SELECT published FROM documents WHERE id = NEW.document_id))) - 2440587.5 AS INTEGER)
    WHERE id = NEW.id;
    INSERT INTO store_meta (key, value) SELECT 'max_span_days', day_end - day FROM events
        WHERE id = NEW.id AND day_end - day IS NOT NULL
        ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value);
END;

CREATE INDEX events_day ON events(day, day_end);
CREATE INDEX events_actor1_day ON events(actor1, day, day_end);
CREATE INDEX events_actor2_day ON events(actor2, day, day_end);
CREATE INDEX events_place_day ON events(place_id, day, day_end);
