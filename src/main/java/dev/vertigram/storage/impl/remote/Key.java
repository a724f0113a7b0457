package dev.vertigram.storage.impl.remote;

import dev.vertigram.storage.Db;

/** A key of one database, as the remote engine's pending writes and read cache index them. */
record Key(Db db, String name) {
}
