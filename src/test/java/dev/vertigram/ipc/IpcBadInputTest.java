package dev.vertigram.ipc;

import dev.vertigram.files.FileTransfers;
import dev.vertigram.files.TransferOptions;
import dev.vertigram.ipc.impl.EndpointFile;
import dev.vertigram.ipc.impl.FrameReader;
import dev.vertigram.ipc.impl.ResultJournal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.vertigram.ipc.IpcFixture.await;
import static dev.vertigram.ipc.IpcFixture.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Raw sockets at the owner: garbage, oversized frames and wrong tokens close only their own connection; a retried
 * request id runs once; the endpoint files are 0600.
 */
class IpcBadInputTest {

  IpcFixture fx;
  IpcClient forwarder;
  NetClient raw;

  @BeforeEach
  void start() throws Exception {
    fx = new IpcFixture(new IpcOptions().maxFrameBytes(1024));
    forwarder = await(IpcClient.connect(IpcFixture.VERTX, fx.folder, new IpcOptions().maxFrameBytes(1024)));
    raw = IpcFixture.VERTX.createNetClient();
  }

  @AfterEach
  void stop() {
    await(raw.close());
    await(forwarder.close());
    fx.close();
  }

  /** Sends {@code bytes} on a connection of its own and waits until the owner closes it. */
  void closedAfter(Buffer bytes) {
    String socket = fx.folder.resolve(EndpointFile.SOCKET).toAbsolutePath().toString();
    NetSocket s = await(raw.connect(SocketAddress.domainSocketAddress(socket)));
    Promise<Void> closed = Promise.promise();
    s.closeHandler(v -> closed.complete());
    s.write(bytes);
    await(closed.future());
    assertEquals("nearestDc", await(forwarder.call(new JsonObject().put("_", "help.getNearestDc"))).getString("_"));
  }

  static Buffer frame(JsonObject json) {
    Buffer body = json.toBuffer();
    return Buffer.buffer().appendInt(body.length()).appendBuffer(body);
  }

  @Test
  void garbageClosesThatConnectionOnly() {
    closedAfter(Buffer.buffer().appendInt(5).appendString("hello"));
  }

  @Test
  void oversizedFrameClosesThatConnectionOnly() {
    closedAfter(Buffer.buffer().appendInt(1025).appendString("{}"));
    closedAfter(Buffer.buffer().appendInt(-1));
  }

  @Test
  void wrongTokenOrNoHelloClosesTheConnection() {
    closedAfter(frame(new JsonObject().put("t", "hello").put("token", "00").put("client", "x")));
    closedAfter(frame(new JsonObject().put("t", "call").put("id", 1).put("method",
        new JsonObject().put("_", "help.getNearestDc"))));
  }

  @Test
  void callsAndResultsOverTheBoundFailTheirCallOnly() {
    Throwable call = failure(forwarder.call(new JsonObject().put("_", "help.getNearestDc").put("pad", "x".repeat(2000))));
    assertInstanceOf(IllegalArgumentException.class, call);
    Throwable result = failure(forwarder.call(new JsonObject().put("_", "help.getConfig")));
    assertTrue(result.getMessage().contains("larger than the IPC frame bound"), result.getMessage());
    assertEquals("nearestDc", await(forwarder.call(new JsonObject().put("_", "help.getNearestDc"))).getString("_"));
  }

  @Test
  void aRetriedRequestIdRunsOnceAndGetsTheSameResult() throws Exception {
    String socket = fx.folder.resolve(EndpointFile.SOCKET).toAbsolutePath().toString();
    NetSocket s = await(raw.connect(SocketAddress.domainSocketAddress(socket)));
    BlockingQueue<JsonObject> replies = new LinkedBlockingQueue<>();
    s.handler(new FrameReader(1 << 20, replies::add, why -> { }));
    String token = EndpointFile.read(fx.folder).getString("token");
    JsonObject call = new JsonObject().put("t", "call").put("id", 42).put("method",
        new JsonObject().put("_", "help.getNearestDc"));
    await(forwarder.call(new JsonObject().put("_", "help.getNearestDc")));
    fx.dc.stats().reset();
    s.write(frame(new JsonObject().put("t", "hello").put("token", token).put("client", "retry")));
    s.write(frame(call));
    JsonObject first = replies.poll(30, TimeUnit.SECONDS);
    s.write(frame(call));
    JsonObject second = replies.poll(30, TimeUnit.SECONDS);
    assertEquals("nearestDc", first.getJsonObject("result").getString("_"), first.encode());
    assertEquals(first, second);
    assertEquals(1, fx.dc.stats().executions("help.getNearestDc"));
  }

  /** A raw, authenticated connection as forwarder {@code client}; replies go to {@code replies}. */
  NetSocket rawForwarder(String client, BlockingQueue<JsonObject> replies) throws Exception {
    String socket = fx.folder.resolve(EndpointFile.SOCKET).toAbsolutePath().toString();
    NetSocket s = await(raw.connect(SocketAddress.domainSocketAddress(socket)));
    s.handler(new FrameReader(1 << 20, replies::add, why -> { }));
    String token = EndpointFile.read(fx.folder).getString("token");
    s.write(frame(new JsonObject().put("t", "hello").put("token", token).put("client", client)));
    return s;
  }

  @Test
  void aNewOwnerAnswersFromTheJournalWithoutRunningAgain() throws Exception {
    JsonObject call = new JsonObject().put("t", "call").put("id", 7).put("method",
        new JsonObject().put("_", "help.getNearestDc"));
    await(forwarder.call(new JsonObject().put("_", "help.getNearestDc")));
    fx.dc.stats().reset();
    BlockingQueue<JsonObject> replies = new LinkedBlockingQueue<>();
    rawForwarder("journaled", replies).write(frame(call));
    JsonObject first = replies.poll(30, TimeUnit.SECONDS);
    assertEquals("nearestDc", first.getJsonObject("result").getString("_"), first.encode());
    // a new owner process: a fresh memory of request ids, the same session folder
    await(fx.server.close());
    fx.server = await(IpcServer.start(IpcFixture.VERTX, fx.folder, fx.client::call, new IpcOptions()));
    rawForwarder("journaled", replies).write(frame(call));
    assertEquals(first, replies.poll(30, TimeUnit.SECONDS));
    assertEquals(1, fx.dc.stats().executions("help.getNearestDc"));
    // acknowledged: forgotten, also by the next owner
    rawForwarder("journaled", replies).write(frame(new JsonObject().put("t", "call").put("id", 8)
        .put("method", new JsonObject().put("_", "help.getConfig")).put("ack", new JsonArray().add(7))));
    assertEquals(8, replies.poll(30, TimeUnit.SECONDS).getLong("id"));
    await(fx.server.close());
    fx.server = await(IpcServer.start(IpcFixture.VERTX, fx.folder, fx.client::call, new IpcOptions()));
    rawForwarder("journaled", replies).write(frame(call));
    assertEquals("nearestDc", replies.poll(30, TimeUnit.SECONDS).getJsonObject("result").getString("_"));
    assertEquals(2, fx.dc.stats().executions("help.getNearestDc"));
  }

  @Test
  void aMalformedTransferFailsThatTransferOnly() throws Exception {
    fx.server.transfers(FileTransfers.create(IpcFixture.VERTX, fx.client, "ipc"));
    BlockingQueue<JsonObject> replies = new LinkedBlockingQueue<>();
    NetSocket s = rawForwarder("transfers", replies);
    s.write(frame(new JsonObject().put("t", "transfer").put("id", 3).put("cancellable", true)
        .put("request", new JsonObject().put("op", "upload").put("path", "/tmp/x").put("parallelism", 0))));
    JsonObject reply = replies.poll(30, TimeUnit.SECONDS);
    assertEquals(3, reply.getLong("id"), String.valueOf(reply));
    assertTrue(reply.encode().contains("parallelism must be at least 1"), reply.encode());
    s.write(frame(new JsonObject().put("t", "call").put("id", 4).put("method",
        new JsonObject().put("_", "help.getNearestDc"))));
    JsonObject next = replies.poll(30, TimeUnit.SECONDS);
    assertEquals("nearestDc", next.getJsonObject("result").getString("_"), String.valueOf(next));
  }

  @Test
  void aTransferWithABadPathFailsItsFuture() {
    Throwable e = failure(forwarder.transfer(new JsonObject().put("op", "upload").put("path", "a\0b"),
        TransferOptions.create()));
    assertInstanceOf(IllegalArgumentException.class, e);
    assertTrue(e.getMessage().contains("bad path"), e.getMessage());
  }

  @Test
  void endpointFilesAreOwnerOnly() throws Exception {
    for (String name : new String[] {EndpointFile.SOCKET, EndpointFile.JSON, ResultJournal.FILE}) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fx.folder.resolve(name))),
          name);
    }
  }
}
