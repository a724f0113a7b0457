-- Vertigram storage schema for PostgreSQL.
--
-- This file is the list of versioned migrations that the Postgres store applies on start (it ships inside the jar
-- as /schema/postgres.sql). The preamble, before the first "-- version:" line, runs every time and must stay
-- idempotent; each "-- version: N" section runs once, in order, inside one transaction with the version recorded
-- in vg_schema_version. Never edit a released section: append a new one.
--
-- The store sets search_path to its schema (option pg.schema, default "vertigram"), created if missing, so the
-- names below are unqualified. To create the schema by hand: CREATE SCHEMA vertigram; SET search_path TO vertigram;
-- then run this file.

CREATE TABLE IF NOT EXISTS vg_schema_version (
  version    int PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);

-- version: 1
-- One row per (session, database, key). db is the stable id of dev.vertigram.storage.Db (1 auth keys, 2 session,
-- 3 update state, 4 channel pts, 5 peers, 6 usernames, 7 min peers, 8 file references, 9 full info,
-- 10 handler fields, 11 secret chats); long keys are stored in decimal; v is the opaque value.
CREATE TABLE vg_kv (
  session text NOT NULL,
  db      smallint NOT NULL,
  k       text COLLATE "C" NOT NULL,
  v       bytea NOT NULL,
  PRIMARY KEY (session, db, k)
);

-- Per-session bookkeeping: migrated_to is set when the session's data was moved to another backend (memory,
-- redis) and the rows above are a stale copy kept as a backup.
CREATE TABLE vg_session (
  session     text PRIMARY KEY,
  migrated_to text,
  migrated_at timestamptz
);
