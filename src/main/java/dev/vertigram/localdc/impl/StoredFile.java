package dev.vertigram.localdc.impl;

import io.vertx.core.json.JsonObject;

/**
 * A file known to the DCs: a document or a photo.
 *
 * @param id         document or photo id
 * @param accessHash its access_hash (one per file, as Telegram's documents and photos)
 * @param dcId       the DC that serves its bytes (where it was uploaded); elsewhere FILE_MIGRATE_X
 * @param content    its bytes
 * @param object     the {@code document} or {@code photo} as sent to clients, without its file_reference
 */
record StoredFile(long id, long accessHash, int dcId, FileContent content, JsonObject object) {

  /** A copy of {@link #object()} carrying {@code fileReference}. */
  JsonObject withReference(FileRefs refs) {
    return object.copy().put("file_reference", refs.current(id));
  }
}
