-- 002_drop_unused_event_indexes.sql — every event was written into eight b-trees; five were
-- indexes that no query reads: `quipu events`, the graph, the exports and the timelines read
-- events through one query that scans the table (its filters are "?1 IS NULL OR …", which no
-- index serves; EXPLAIN QUERY PLAN: SCAN e). Kept: the primary key, the unique uid, and
-- events_document, which `quipu documents` counts events by and ON DELETE CASCADE follows.
-- Dropping the five makes ingest faster. Add an index back with the query that uses it.
DROP INDEX IF EXISTS events_actor1;
DROP INDEX IF EXISTS events_actor2;
DROP INDEX IF EXISTS events_place;
DROP INDEX IF EXISTS events_time;
DROP INDEX IF EXISTS events_action;
