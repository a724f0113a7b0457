package dev.vertigram.ipc;

import dev.vertigram.client.CallOptions;
import dev.vertigram.client.CancellationToken;
import dev.vertigram.files.Progress;
import dev.vertigram.files.TransferOptions;
import dev.vertigram.ipc.impl.EndpointFile;
import dev.vertigram.ipc.impl.FrameReader;
import dev.vertigram.ipc.impl.FrameWriter;
import dev.vertigram.ipc.impl.TransferRequests;
import dev.vertigram.ipc.impl.Wire;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A session's calls forwarded to the process that owns it, with the same API and Futures as the owner's client.
 * Each call has a request id; when the connection drops (the owner restarts), the client reconnects and replays the
 * calls not yet answered, and the owner runs each request id once.
 */
public final class IpcClient implements RpcClient {

  private static final Logger LOG = LoggerFactory.getLogger(IpcClient.class);
  private static final long MAX_RECONNECT_DELAY_MS = 2000;
  /** Reconnection delay from which a lost owner is restarted (about 0.4 s of failures at the default delay). */
  private static final long RESTART_AFTER_MS = 200;

  private final Vertx vertx;
  private final Path folder;
  private final IpcOptions options;
  private final NetClient net;
  private final String clientId = UUID.randomUUID().toString();
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  /** Requests that are not replayed on another owner (a shutdown request, file transfers). */
  private final Map<Long, Promise<JsonObject>> control = new ConcurrentHashMap<>();
  private final Map<Long, Consumer<Progress>> progress = new ConcurrentHashMap<>();
  /** Ids answered since the last call frame: the next one acknowledges them, so the owner can forget them. */
  private final ConcurrentLinkedQueue<Long> answered = new ConcurrentLinkedQueue<>();
  private volatile FrameWriter writer;
  private volatile Handler<JsonObject> updateHandler;
  private volatile boolean closed;
  private volatile Supplier<Future<?>> ownerStarter;
  private volatile long lastStart;

  private record Pending(JsonObject frame, Promise<JsonObject> promise) {
  }

  private IpcClient(Vertx vertx, Path folder, IpcOptions options) {
    this.vertx = vertx;
    this.folder = folder;
    this.options = options;
    this.net = vertx.createNetClient();
  }

  /** Connects to the owner of the session in {@code folder}; fails when none serves it. */
  public static Future<IpcClient> connect(Vertx vertx, Path folder, IpcOptions options) {
    IpcClient client = new IpcClient(vertx, folder, options);
    return client.open().map(client).onFailure(e -> client.net.close());
  }

  @Override
  public Future<JsonObject> call(JsonObject method, CallOptions callOptions) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("IPC client closed"));
    }
    long id = ids.incrementAndGet();
    JsonObject frame = new JsonObject().put("t", "call").put("id", id).put("method", Wire.pinRandomId(method));
    JsonObject opts = Wire.options(callOptions);
    if (!opts.isEmpty()) {
      frame.put("opts", opts);
    }
    if (!answered.isEmpty()) {
      JsonArray ack = new JsonArray();
      for (Long a; (a = answered.poll()) != null; ) {
        ack.add(a);
      }
      frame.put("ack", ack);
    }
    Promise<JsonObject> promise = Promise.promise();
    pending.put(id, new Pending(frame, promise));
    CancellationToken token = callOptions.cancellation();
    if (token != null) {
      Runnable cancel = () -> cancel(id);
      token.onCancel(cancel);
      promise.future().onComplete(ar -> token.remove(cancel));
    }
    FrameWriter w = writer;
    if (w != null && pending.containsKey(id)) {
      w.write(frame);
    }
    return promise.future();
  }

  /**
   * Starts a new owner when the connection is lost and reconnecting keeps failing (the owner died): a forwarder that
   * started a worker restarts it this way, at most once per {@link IpcOptions#startTimeoutMillis()}.
   */
  public IpcClient ownerStarter(Supplier<Future<?>> starter) {
    this.ownerStarter = starter;
    return this;
  }

  /** Receives the owner's updates (subscribes now and after every reconnection); null drops them. */
  public IpcClient updateHandler(Handler<JsonObject> handler) {
    this.updateHandler = handler;
    FrameWriter w = writer;
    if (w != null && handler != null) {
      w.write(new JsonObject().put("t", "subscribe"));
    }
    return this;
  }

  /**
   * Asks the owner to stop serving and release the session (a takeover); fails when it refuses (only background
   * workers accept) or when the connection is down. The owner then closes the session and exits.
   */
  public Future<Void> requestShutdown() {
    FrameWriter w = writer;
    if (closed || w == null) {
      return Future.failedFuture(new IllegalStateException("IPC client not connected"));
    }
    long id = ids.incrementAndGet();
    Promise<JsonObject> promise = Promise.promise();
    control.put(id, promise);
    w.write(new JsonObject().put("t", "shutdown").put("id", id));
    return promise.future().mapEmpty();
  }

  /**
   * Runs a file transfer at the owner ({@code {"op": "upload" | "sendDocument" | "sendPhoto" | "downloadToFile",
   * "path", "peer", "mimeType", "object"}}, see FileTransfers): the options' progress callback gets the owner's
   * progress events, and their cancellation token cancels the transfer at the owner. Relative paths are made
   * absolute here. A transfer is not replayed: it fails when the connection to the owner is lost.
   */
  public Future<JsonObject> transfer(JsonObject request, TransferOptions options) {
    FrameWriter w = writer;
    if (closed || w == null) {
      return Future.failedFuture(new IllegalStateException("IPC client not connected"));
    }
    JsonObject r = request.copy();
    if (r.getValue("path") instanceof String path) {
      try {
        r.put("path", Path.of(path).toAbsolutePath().toString());
      } catch (InvalidPathException e) {
        return Future.failedFuture(new IllegalArgumentException("transfer: bad path: " + e.getMessage(), e));
      }
    }
    r.put("parallelism", options.parallelism());
    long id = ids.incrementAndGet();
    Promise<JsonObject> promise = Promise.promise();
    control.put(id, promise);
    if (options.progress() != null) {
      progress.put(id, options.progress());
    }
    CancellationToken token = options.cancellation();
    if (token != null) {
      Runnable cancel = () -> {
        Promise<JsonObject> p = control.remove(id);
        if (p != null && p.tryFail(new CancellationException("cancelled"))) {
          FrameWriter now = writer;
          if (now != null) {
            now.write(new JsonObject().put("t", "cancel").put("id", id));
          }
        }
      };
      token.onCancel(cancel);
      promise.future().onComplete(ar -> token.remove(cancel));
    }
    promise.future().onComplete(ar -> progress.remove(id));
    w.write(new JsonObject().put("t", "transfer").put("id", id).put("request", r)
        .put("progress", options.progress() != null).put("cancellable", token != null));
    return promise.future();
  }

  /** Closes the connection and fails the calls not answered. */
  public Future<Void> close() {
    closed = true;
    control.values().forEach(p -> p.tryFail(new IllegalStateException("IPC client closed")));
    pending.keySet().forEach(id -> fail(id, new IllegalStateException("IPC client closed")));
    return net.close();
  }

  private void cancel(long id) {
    FrameWriter w = writer;
    if (fail(id, new CancellationException("cancelled")) && w != null) {
      w.write(new JsonObject().put("t", "cancel").put("id", id));
    }
  }

  private boolean fail(long id, Throwable cause) {
    Pending p = pending.remove(id);
    return p != null && p.promise().tryFail(cause);
  }

  private Future<Void> open() {
    return vertx.executeBlocking(() -> EndpointFile.read(folder)).compose(endpoint -> {
      SocketAddress address = endpoint.containsKey("socket")
          ? SocketAddress.domainSocketAddress(endpoint.getString("socket"))
          : SocketAddress.inetSocketAddress(endpoint.getInteger("port"), endpoint.getString("host"));
      return net.connect(address).map(s -> {
        s.handler(new FrameReader(options.maxFrameBytes(), this::frame, why -> {
          LOG.warn("IPC connection to the owner closed: {}", why);
          s.close();
        }));
        FrameWriter w = new FrameWriter(s, vertx.getOrCreateContext(), options.maxFrameBytes(),
            frame -> fail(frame.getLong("id", -1L), new IllegalArgumentException("the call is larger than the IPC "
                + "frame bound of " + options.maxFrameBytes() + " bytes")));
        s.closeHandler(v -> lost(w));
        w.write(new JsonObject().put("t", "hello").put("token", endpoint.getString("token")).put("client", clientId));
        if (updateHandler != null) {
          w.write(new JsonObject().put("t", "subscribe"));
        }
        writer = w;
        pending.keySet().stream().sorted().map(pending::get)
            .forEach(p -> {
              if (p != null) {
                w.write(p.frame());
              }
            });
        return null;
      });
    });
  }

  private void frame(JsonObject frame) {
    try {
      if ("progress".equals(frame.getString("t"))) {
        Consumer<Progress> p = progress.get(frame.getLong("id"));
        if (p != null) {
          Progress event = TransferRequests.progress(frame);
          try {
            p.accept(event);
          } catch (RuntimeException e) {
            LOG.warn("IPC: the progress callback of transfer {} failed (the transfer goes on)", frame.getLong("id"), e);
          }
        }
        return;
      }
      if ("update".equals(frame.getString("t"))) {
        Handler<JsonObject> h = updateHandler;
        if (h != null) {
          h.handle(Wire.buffers(frame.getJsonObject("update")));
        }
        return;
      }
      Long id = frame.getLong("id");
      Promise<JsonObject> promise = control.remove(id);
      if (promise == null) {
        answered.add(id);
        Pending p = pending.remove(id);
        if (p == null) {
          return; // cancelled, or answered twice after a replay
        }
        promise = p.promise();
      }
      if ("result".equals(frame.getString("t"))) {
        promise.tryComplete(Wire.buffers(frame.getJsonObject("result")));
      } else {
        promise.tryFail(Wire.failure(frame));
      }
    } catch (RuntimeException e) {
      LOG.warn("IPC: bad frame from the owner: {}", e.toString());
    }
  }

  private void lost(FrameWriter w) {
    if (writer == w) {
      writer = null;
    }
    control.values().forEach(p -> p.tryFail(new IllegalStateException("the IPC connection to the owner closed")));
    control.clear();
    if (!closed) {
      reconnect(options.reconnectDelayMillis());
    }
  }

  private void restartOwner() {
    Supplier<Future<?>> starter = ownerStarter;
    long now = System.nanoTime();
    if (starter != null && (lastStart == 0 || now - lastStart > options.startTimeoutMillis() * 1_000_000)) {
      lastStart = now;
      LOG.info("IPC: the owner of {} does not answer: starting a new one", folder);
      starter.get().onFailure(e -> LOG.warn("IPC: could not start a new owner: {}", e.toString()));
    }
  }

  private void reconnect(long delay) {
    vertx.setTimer(delay, t -> {
      if (closed) {
        return;
      }
      open().onFailure(e -> {
        LOG.debug("IPC: owner not reachable yet: {}", e.toString());
        if (delay >= RESTART_AFTER_MS) {
          restartOwner();
        }
        reconnect(Math.min(delay * 2, MAX_RECONNECT_DELAY_MS));
      });
    });
  }
}
