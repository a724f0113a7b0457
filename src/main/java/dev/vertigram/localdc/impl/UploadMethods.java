package dev.vertigram.localdc.impl;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * upload.saveFilePart, upload.saveBigFilePart, upload.getFile and upload.getFileHashes (see {@link FileStore} for the
 * part rules). getFile enforces Telegram's offset/limit rules, answers FILE_MIGRATE_X on a DC that does not hold the
 * file, checks the file reference, and answers with a zero-copy slice of the stored chunk. getFileHashes gives the
 * SHA-256 of the {@value FileStore#HASH_RANGE}-byte ranges of the 1 MiB block holding the offset, from the range
 * holding it on (the last range of the file is shorter; none past the end).
 */
final class UploadMethods implements MethodRegistry.Area {

  private static final int MIB = 1 << 20;
  private static final JsonObject TRUE = new JsonObject().put("_", "boolTrue");

  @Override
  public void register(MethodRegistry registry) {
    registry.add("upload.saveFilePart", call -> savePart(call, false))
        .add("upload.saveBigFilePart", call -> savePart(call, true))
        .add("upload.getFile", UploadMethods::getFile)
        .add("upload.getFileHashes", UploadMethods::getFileHashes);
  }

  private static Future<JsonObject> savePart(RpcCall call, boolean big) {
    JsonObject q = call.query();
    call.dc().core().files().savePart(call.dc().id(), call.requireUser(), q.getLong("file_id"),
        q.getInteger("file_part"), big, big ? q.getInteger("file_total_parts") : 0, q.getBuffer("bytes"));
    return Future.succeededFuture(TRUE);
  }

  private static Future<JsonObject> getFile(RpcCall call) {
    JsonObject q = call.query();
    call.requireUser();
    long offset = q.getLong("offset");
    int limit = q.getInteger("limit");
    checkRange(offset, limit, Boolean.TRUE.equals(q.getBoolean("precise")));
    StoredFile file = servedFile(call, q.getJsonObject("location"));
    Buffer bytes = file.content().slice(offset, limit);
    if (bytes.length() > 0 && call.dc().faults().takeCorruptFilePart()) {
      bytes = bytes.copy();
      bytes.setByte(bytes.length() / 2, (byte) ~bytes.getByte(bytes.length() / 2));
    }
    String type = offset == 0 ? FileTypes.storageType(file.content().head(FileTypes.HEAD)) : "storage.filePartial";
    return Future.succeededFuture(new JsonObject().put("_", "upload.file")
        .put("type", new JsonObject().put("_", type))
        .put("mtime", file.object().getInteger("date", 0)).put("bytes", bytes));
  }

  private static Future<JsonObject> getFileHashes(RpcCall call) {
    JsonObject q = call.query();
    call.requireUser();
    long offset = q.getLong("offset");
    if (offset < 0) {
      throw new RpcErrorException(400, "OFFSET_INVALID");
    }
    StoredFile file = servedFile(call, q.getJsonObject("location"));
    FileStore files = call.dc().core().files();
    JsonArray hashes = new JsonArray();
    long blockEnd = Math.min(file.content().size(), (offset / MIB + 1) * MIB);
    for (long at = offset - offset % FileStore.HASH_RANGE; at < blockEnd; at += FileStore.HASH_RANGE) {
      hashes.add(new JsonObject().put("_", "fileHash").put("offset", at)
          .put("limit", (int) Math.min(FileStore.HASH_RANGE, blockEnd - at))
          .put("hash", Buffer.buffer(files.rangeHash(file, (int) (at / FileStore.HASH_RANGE)))));
    }
    return Future.succeededFuture(new JsonObject().put("_", "vector").put("value", hashes));
  }

  /**
   * The file a location designates, served by this DC: LOCATION_INVALID, FILE_MIGRATE_X, FILE_REFERENCE_* (not for
   * secret chat files, which have no reference).
   */
  private static StoredFile servedFile(RpcCall call, JsonObject location) {
    FileStore files = call.dc().core().files();
    String kind = location.getString("_");
    boolean encrypted = "inputEncryptedFileLocation".equals(kind);
    if (!encrypted && !"inputDocumentFileLocation".equals(kind) && !"inputPhotoFileLocation".equals(kind)) {
      throw new RpcErrorException(400, "LOCATION_INVALID");
    }
    StoredFile file = files.find(location.getLong("id"), location.getLong("access_hash"));
    if (file == null) {
      throw new RpcErrorException(400, "LOCATION_INVALID");
    }
    if (file.dcId() != call.dc().id()) {
      throw new RpcErrorException(303, "FILE_MIGRATE_" + file.dcId());
    }
    if (!encrypted) {
      files.refs().check(file.id(), location.getBuffer("file_reference"));
    }
    return file;
  }

  /**
   * Without precise: offset and limit multiples of 4 KiB, limit dividing 1 MiB; with precise: multiples of 1 KiB,
   * limit at most 1 MiB; always: no 1 MiB boundary crossed.
   */
  static void checkRange(long offset, int limit, boolean precise) {
    int align = precise ? 1024 : 4096;
    if (offset < 0 || offset % align != 0) {
      throw new RpcErrorException(400, "OFFSET_INVALID");
    }
    if (limit <= 0 || limit % align != 0 || limit > MIB || !precise && MIB % limit != 0
        || offset / MIB != (offset + limit - 1) / MIB) {
      throw new RpcErrorException(400, "LIMIT_INVALID");
    }
  }
}
