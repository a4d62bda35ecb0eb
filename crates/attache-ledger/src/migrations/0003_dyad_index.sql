-- attache store, schema version 3: events are looked up by directed dyad (both
-- countries) far more often than by sender alone; one index serves both.
DROP INDEX IF EXISTS events_source;
CREATE INDEX events_dyad ON events(source_country, target_country, day);
