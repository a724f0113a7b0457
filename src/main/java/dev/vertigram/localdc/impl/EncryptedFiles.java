package dev.vertigram.localdc.impl;

import io.vertx.core.json.JsonObject;

/**
 * Secret-chat files: an InputEncryptedFile (uploaded with the usual part rules, its md5 being that of the encrypted
 * bytes, or an existing one) → the EncryptedFile relayed to the peer, downloaded with inputEncryptedFileLocation.
 */
final class EncryptedFiles {

  private EncryptedFiles() {
  }

  static JsonObject resolve(RpcCall call, JsonObject input) {
    FileStore files = call.dc().core().files();
    String kind = input.getString("_");
    if ("inputEncryptedFile".equals(kind)) {
      StoredFile file = files.find(input.getLong("id"), input.getLong("access_hash"));
      if (file == null || !"encryptedFile".equals(file.object().getString("_"))) {
        throw new RpcErrorException(400, "FILE_ID_INVALID");
      }
      return file.object();
    }
    boolean big = "inputEncryptedFileBigUploaded".equals(kind);
    if (!big && !"inputEncryptedFileUploaded".equals(kind)) {
      throw new RpcErrorException(400, "FILE_ID_INVALID");
    }
    JsonObject inputFile = new JsonObject().put("_", big ? "inputFileBig" : "inputFile").put("id", input.getLong("id"))
        .put("parts", input.getInteger("parts")).put("name", "")
        .put("md5_checksum", input.getString("md5_checksum", ""));
    FileContent content = files.uploaded(call.dc().id(), call.requireUser(), inputFile);
    long id = files.newId();
    long accessHash = files.newAccessHash();
    JsonObject object = new JsonObject().put("_", "encryptedFile").put("id", id).put("access_hash", accessHash)
        .put("size", content.size()).put("dc_id", call.dc().id()).put("key_fingerprint", input.getInteger("key_fingerprint"));
    files.add(new StoredFile(id, accessHash, call.dc().id(), content, object));
    return object;
  }
}
