package dev.vertigram.files;

import dev.vertigram.client.AuthKeyStore;
import dev.vertigram.client.CallOptions;
import dev.vertigram.client.ClientOptions;
import dev.vertigram.client.MtprotoClient;
import dev.vertigram.localdc.DcEndpoint;
import dev.vertigram.localdc.LocalDc;
import dev.vertigram.localdc.LocalDcOptions;
import dev.vertigram.testing.Futures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Local DC (DCs 1 and 2) and a client logged in as user 77 with its {@link FileTransfers}, plus the helpers the
 * upload tests share: sending an uploaded file to Saved Messages, finding the message in Updates, refetching it.
 */
final class FilesFixture {

  static final int MIB = 1 << 20;
  private static final AtomicLong RANDOM_IDS = new AtomicLong();

  final Vertx vertx;
  final LocalDc dc;
  final MtprotoClient client;
  final FileTransfers files;

  private FilesFixture(Vertx vertx, LocalDc dc, MtprotoClient client) {
    this.vertx = vertx;
    this.dc = dc;
    this.client = client;
    this.files = FileTransfers.create(vertx, client, "files");
  }

  static FilesFixture start(LocalDcOptions dcOptions) throws Exception {
    Vertx vertx = Vertx.vertx();
    LocalDc dc = Futures.await(LocalDc.start(vertx, dcOptions.ephemeralPorts(1, 2)));
    ClientOptions options = new ClientOptions().addRsaKey(dc.publicKey().toPkcs1Pem()).apiId(1).apiHash("test")
        .homeDc(1);
    for (DcEndpoint e : dc.endpoints()) {
      options.addDc(e.id(), e.host(), e.port());
    }
    AuthKeyStore keys = AuthKeyStore.inMemory();
    MtprotoClient client = MtprotoClient.create(vertx, "files", options, keys);
    Futures.await(client.call(new JsonObject().put("_", "help.getNearestDc")));
    assertTrue(dc.authorize(Futures.await(keys.permKey(1)).id(), 77));
    return new FilesFixture(vertx, dc, client);
  }

  void stop() throws Exception {
    Futures.await(client.close());
    Futures.await(dc.close());
    Futures.await(vertx.close());
  }

  /** Sends an uploaded file to Saved Messages as a document; the result is the message. */
  JsonObject sendUploaded(JsonObject inputFile) throws Exception {
    return messageIn(Futures.await(client.call(new JsonObject().put("_", "messages.sendMedia").put("peer", self())
        .put("media", new JsonObject().put("_", "inputMediaUploadedDocument").put("file", inputFile)
            .put("mime_type", "application/octet-stream").put("attributes", new JsonArray()))
        .put("message", "").put("random_id", RANDOM_IDS.incrementAndGet()), CallOptions.create())));
  }

  /** The message of the first update that carries one. */
  static JsonObject messageIn(JsonObject updates) {
    for (Object u : updates.getJsonArray("updates")) {
      JsonObject update = (JsonObject) u;
      if (update.getValue("message") instanceof JsonObject m) {
        return m;
      }
    }
    throw new AssertionError("no message in " + updates);
  }

  /** Options whose refresher fetches the message again (fresh file references). */
  TransferOptions withRefresher() {
    return TransferOptions.create().refresher(this::refetch);
  }

  Future<JsonObject> refetch(JsonObject message) {
    return client.call(new JsonObject().put("_", "messages.getMessages").put("id", new JsonArray()
        .add(new JsonObject().put("_", "inputMessageID").put("id", message.getInteger("id")))))
        .map(r -> r.getJsonArray("messages").getJsonObject(0));
  }

  static JsonObject self() {
    return new JsonObject().put("_", "inputPeerSelf");
  }

  static byte[] random(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    return b;
  }
}
