package dev.vertigram.ipc.impl;

import dev.vertigram.client.CallOptions;
import dev.vertigram.client.CancellationToken;
import dev.vertigram.files.FileTransfers;
import dev.vertigram.files.TransferOptions;
import dev.vertigram.ipc.RpcClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One forwarder's connection at the owner: checks the hello's token, runs calls once per request id (answering a
 * request id already answered from the journal or the memory of request ids), cancels, and sends updates once
 * subscribed. A bad frame or token closes this connection only, logging why.
 */
public final class ServerConnection {

  private static final Logger LOG = LoggerFactory.getLogger(ServerConnection.class);

  /** What every connection of one owner shares. */
  public record Owner(String token, RpcClient target, Dedupe dedupe, ResultJournal journal, int maxFrameBytes,
                      Consumer<ServerConnection> onSubscribe, BooleanSupplier onShutdown,
                      Supplier<FileTransfers> files) {
  }

  private final NetSocket socket;
  private final FrameWriter writer;
  private final Owner owner;
  private final Map<Long, CancellationToken> cancellable = new ConcurrentHashMap<>();
  private String client;

  /** Serves {@code socket} until it closes; create it on the socket's context. */
  public ServerConnection(NetSocket socket, Owner owner) {
    this.socket = socket;
    this.writer = new FrameWriter(socket, Vertx.currentContext(), owner.maxFrameBytes(), this::oversized);
    this.owner = owner;
    socket.handler(new FrameReader(owner.maxFrameBytes(), this::frame, this::reject));
  }

  /** A reply too large to send fails its call instead (recorded like any reply); an update too large is dropped. */
  private void oversized(JsonObject frame) {
    if (frame.containsKey("id")) {
      long id = frame.getLong("id");
      writer.write(Wire.reply(id, null, new VertxException("the result is larger than the IPC frame bound of "
          + owner.maxFrameBytes(), true)), body -> owner.journal().record(client, id, body));
    } else {
      LOG.warn("IPC update dropped: larger than the frame bound of {} bytes", owner.maxFrameBytes());
    }
  }

  /** Sends an update (the connection subscribed). */
  public void update(JsonObject update) {
    writer.write(new JsonObject().put("t", "update").put("update", update));
  }

  /** Closes the connection. */
  public Future<Void> close() {
    return socket.close();
  }

  private void frame(JsonObject frame) {
    try {
      dispatch(frame);
    } catch (RuntimeException e) {
      reject("bad " + frame.getValue("t") + " frame: " + e);
    }
  }

  private void dispatch(JsonObject frame) {
    String type = String.valueOf(frame.getValue("t"));
    if (client == null) {
      if (!type.equals("hello") || !tokenMatches(frame.getString("token"))) {
        reject("wrong token or no hello");
        return;
      }
      client = frame.getString("client", socket.remoteAddress() + "");
      return;
    }
    switch (type) {
      case "call" -> {
        forget(frame.getJsonArray("ack"));
        call(frame.getLong("id"), frame.getJsonObject("method"), frame.getJsonObject("opts"));
      }
      case "cancel" -> {
        CancellationToken token = cancellable.remove(frame.getLong("id"));
        if (token != null) {
          token.cancel();
        }
      }
      case "subscribe" -> owner.onSubscribe().accept(this);
      case "transfer" -> transfer(frame.getLong("id"), frame.getJsonObject("request"),
          frame.getBoolean("progress", false), frame.getBoolean("cancellable", false));
      case "shutdown" -> {
        long id = frame.getLong("id");
        writer.write(owner.onShutdown().getAsBoolean() ? Wire.reply(id, new JsonObject(), null)
            : Wire.reply(id, null, new VertxException("this owner does not hand its session over (only background "
            + "workers do)", true)));
      }
      default -> reject("unknown frame type " + type);
    }
  }

  private void call(long id, JsonObject method, JsonObject opts) {
    if (method == null) {
      throw new IllegalArgumentException("call without a method");
    }
    Buffer recorded = owner.journal().reply(client, id);
    if (recorded != null) {
      writer.writeEncoded(recorded); // answered by an earlier owner process
      return;
    }
    CancellationToken token = opts != null && opts.getBoolean("cancellable", false) ? CancellationToken.create() : null;
    if (token != null) {
      cancellable.put(id, token);
    }
    CallOptions options = Wire.options(opts, token);
    owner.dedupe().once(client, id, () -> execute(method, options)).onComplete(ar -> {
      cancellable.remove(id);
      writer.write(Wire.reply(id, ar.result(), ar.cause()), body -> owner.journal().record(client, id, body));
    });
  }

  /** Runs a file transfer (not deduped: forwarders never replay transfers), sending progress frames if asked. */
  private void transfer(long id, JsonObject request, boolean progress, boolean canCancel) {
    FileTransfers files = owner.files().get();
    if (files == null || request == null) {
      writer.write(Wire.reply(id, null, new VertxException(request == null ? "transfer without a request"
          : "this owner does not run file transfers", true)));
      return;
    }
    TransferOptions options = TransferOptions.create();
    if (canCancel) {
      CancellationToken token = CancellationToken.create();
      cancellable.put(id, token);
      options.cancellation(token);
    }
    if (progress) {
      options.progress(p -> writer.write(TransferRequests.progress(id, p)));
    }
    TransferRequests.run(files, request, options).onComplete(ar -> {
      cancellable.remove(id);
      writer.write(Wire.reply(id, ar.result(), ar.cause()));
    });
  }

  /** The forwarder got these results: it will not replay them, so their memory can go. */
  private void forget(JsonArray ack) {
    if (ack == null || ack.isEmpty()) {
      return;
    }
    long[] ids = new long[ack.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = ((Number) ack.getValue(i)).longValue();
    }
    owner.dedupe().forget(client, ids, ids.length);
    owner.journal().forget(client, ids, ids.length);
  }

  /** Runs a call on the target; a target that throws fails the call, not the connection. */
  private Future<JsonObject> execute(JsonObject method, CallOptions options) {
    try {
      return owner.target().call(method, options);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private boolean tokenMatches(String token) {
    return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
        owner.token().getBytes(StandardCharsets.UTF_8));
  }

  private void reject(String why) {
    LOG.warn("IPC connection of {} closed: {}", client == null ? "an unauthenticated peer" : client, why);
    socket.close();
  }
}
