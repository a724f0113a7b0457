package dev.vertigram.client;

import dev.vertigram.files.FileTransfers;
import dev.vertigram.http.HttpFetcher;
import dev.vertigram.http.HttpOptions;
import dev.vertigram.ipc.IpcClient;
import dev.vertigram.ipc.IpcServer;
import dev.vertigram.ipc.RpcClient;
import dev.vertigram.ipc.impl.ForwardedUpdates;
import dev.vertigram.loop.Async;
import dev.vertigram.peers.PeerDatabase;
import dev.vertigram.storage.Db;
import dev.vertigram.storage.Store;
import dev.vertigram.storage.StoreOptions;
import dev.vertigram.updates.UpdatesManager;
import dev.vertigram.updates.UpdatesVerticle;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One logged-in (or logging-in) Telegram session: RPC + store + peer database, the MadelineProto "API" object.
 * <pre>
 * Vertigram.open(vertx, "bot", settings).compose(Vertigram::start).onSuccess(self -> ...);
 * tg.call(new JsonObject().put("_", "messages.sendMessage").put("peer", "@alice").put("message", "&lt;b&gt;hi&lt;/b&gt;")
 *     .put("parse_mode", "HTML"));
 * </pre>
 * Every result and update feeds the peer database. Login state (the step reached and the phone code hash) lives in
 * the store, so a restart between sendCode and signIn continues with {@link #completePhoneLogin}. Pushed updates go
 * to the peer database, the login waiters (QR login) and then the session's {@link UpdatesManager}
 * ({@link #updates()}, started by {@link #start()}); the results of {@link #call} go through its
 * {@link UpdatesManager#handleResult} (updates inside results, e.g. sent messages, are not lost).
 */
public final class Vertigram {

  private static final Logger LOG = LoggerFactory.getLogger(Vertigram.class);

  private final Vertx vertx;
  private final String session;
  private final Settings settings;
  private final Store store;
  private final StoreAuthKeyStore keys;
  private final MtprotoClient rpc;
  private final PeerDatabase peers;
  private final CallPipeline pipeline;
  private final Login login;
  private final UpdatesManager updates;
  private final FileTransfers files;
  private final List<Supplier<Future<?>>> closeHooks = new ArrayList<>();
  private HttpFetcher http;
  /** The owner this process forwards to, or null when this process owns the session. */
  private final IpcClient forwarder;
  /** Completed once logged in: forwarded calls wait for it. */
  private final Promise<Void> loggedIn = Promise.promise();
  private volatile IpcServer ipcServer;
  private volatile Handler<JsonObject> updateSink = u -> { };
  private volatile Handler<String> resetSink = r -> { };

  private Vertigram(Vertx vertx, String session, Settings settings, Store store, StoreAuthKeyStore keys,
      MtprotoClient rpc, PeerDatabase peers) {
    this.vertx = vertx;
    this.session = session;
    this.settings = settings;
    this.store = store;
    this.keys = keys;
    this.rpc = rpc;
    this.peers = peers;
    this.forwarder = null;
    this.login = new Login(vertx, settings.client(), store.stringMap(Db.SESSION), peers, rpc::call);
    this.updates = UpdatesManager.create(vertx, this);
    this.pipeline = new CallPipeline(peers, (m, o) -> rpc.call(m, o).onSuccess(r -> updates.handleResult(m, r)));
    this.files = FileTransfers.create(vertx, rpc, session, this::call);
    rpc.updateHandler(update -> {
      peers.feed(update);
      login.update(update);
      updateSink.handle(update);
    });
    rpc.gapHandler(reset -> resetSink.handle(reset));
  }

  /** A session owned by another process: calls and updates go over IPC ({@code forwarder}). */
  private Vertigram(Vertx vertx, String session, Settings settings, IpcClient forwarder) {
    this.vertx = vertx;
    this.session = session;
    this.settings = settings;
    this.forwarder = forwarder;
    this.store = null;
    this.keys = null;
    this.rpc = null;
    this.peers = null;
    this.login = null;
    this.pipeline = null;
    this.files = null;
    this.updates = new ForwardedUpdates(vertx, session, forwarder);
  }

  /**
   * Opens the session. When this process can lock the session folder, it owns the session: opens the store, loads
   * the keys and peers, sets up the client and (with {@code settings.ipc.enabled}, the default) serves the session to
   * other processes on its IPC endpoint. When another process holds the lock, the result forwards to that owner
   * instead ({@link #forwarding()}): {@link #call}, {@link #login()}, {@link #start()}, {@link #updates()} and
   * {@link #close()} work the same, the rest (peers, store, login steps) lives in the owner. With
   * {@code settings.ipc.autoStart} it always forwards, starting a background worker ({@link IpcWorker}) when
   * nobody owns the session.
   */
  public static Future<Vertigram> open(Vertx vertx, String session, Settings settings) {
    return SessionOpener.open(vertx, session, settings);
  }

  /**
   * Opens the session as its owner, even when a background worker owns it now: asks the worker to hand the session
   * over (it closes and exits), waits for the lock ({@code settings.ipc.startTimeout}) and takes it. Fails when the
   * owner is not a worker (it refuses). {@code startAndLoop} opens sessions this way.
   */
  public static Future<Vertigram> takeOver(Vertx vertx, String session, Settings settings) {
    return SessionOpener.takeOver(vertx, session, settings);
  }

  /** A session that another process owns, reached through {@code forwarder}. */
  static Vertigram forwarding(Vertx vertx, String session, Settings settings, IpcClient forwarder) {
    return new Vertigram(vertx, session, settings, forwarder);
  }

  /** Opens the session as its owner: store (the lock), keys, peers, client, and serves it to other processes. */
  static Future<Vertigram> openOwned(Vertx vertx, String session, Settings settings) {
    StoreOptions storeOptions = new StoreOptions(settings.storage().toJson()).setSession(session);
    return clientOptions(vertx, settings).compose(options -> Store.open(vertx, storeOptions).compose(store ->
        StoreAuthKeyStore.open(store).compose(keys -> {
          MtprotoClient client = MtprotoClient.create(vertx, session, options, keys);
          return PeerDatabase.load(store, m -> client.call(m)).compose(peers -> {
            Vertigram tg = new Vertigram(vertx, session, settings, store, keys, client, peers);
            return tg.login.self().compose(self -> {
              if (self != null) {
                peers.selfId(self.getLong("id"));
                tg.loggedIn.tryComplete();
              }
              return tg.serve(Path.of(storeOptions.getFolder()));
            });
          });
        }).onFailure(e -> store.close())));
  }

  /**
   * Serves the session to other processes (settings.ipc.enabled); a failure to serve is logged, the session still
   * opens. Forwarded calls wait until the session is logged in.
   */
  private Future<Vertigram> serve(Path folder) {
    if (!settings.ipc().enabled()) {
      return Future.succeededFuture(this);
    }
    RpcClient target = (m, o) -> loggedIn.future().compose(v -> call(m, o));
    return IpcServer.start(vertx, folder, target, settings.ipc()).map(server -> {
      ipcServer = server.relayUpdates(UpdatesVerticle.address(session))
          .transfers(files); // messages through this::call: peers resolved, Updates handled
      return this;
    }).recover(e -> {
      LOG.warn("session {}: not served to other processes: {}", session, e.toString());
      return Future.succeededFuture(this);
    });
  }

  /**
   * Does whatever the session still needs and returns the self user: nothing when logged in; else a bot login
   * (login.botToken), a phone login (login.phone: with login.interactive the code, password and name are asked on
   * the console, else it fails after sendCode, asking for {@link #completePhoneLogin}), or, with only
   * login.interactive, asks for a phone number or a bot token. Then caches every dialog when peer.cacheAllPeersOnStartup.
   */
  public Future<JsonObject> start() {
    return login().compose(self -> updates.start().map(self));
  }

  /** {@link #start()} without starting the updates (deploy the consumers first, then {@code updates().start()}). */
  public Future<JsonObject> login() {
    if (forwarder != null) {
      return forwarder.call(new JsonObject().put("_", "users.getUsers")
          .put("id", new JsonArray().add(new JsonObject().put("_", "inputUserSelf"))))
          .map(users -> users.getJsonArray("value").getJsonObject(0));
    }
    return login.self().compose(self -> self != null ? Future.succeededFuture(self) : login.pending()
        .compose(this::login)).compose(self -> settings.cacheAllPeersOnStartup()
        ? peers.cacheAllPeers().map(self) : Future.succeededFuture(self)).onSuccess(self -> loggedIn.tryComplete());
  }

  private Future<JsonObject> login(JsonObject pending) {
    if (pending != null) {
      return settings.interactive() ? ConsoleLogin.next(vertx, this, pending.getString("step"))
          : Future.failedFuture(new IllegalStateException("login: step " + pending.getString("step")
          + " pending; complete it with completePhoneLogin / complete2faLogin / completeSignup"));
    }
    if (settings.botToken() != null) {
      return botLogin(settings.botToken());
    }
    if (settings.phone() != null) {
      return phoneLogin(settings.phone()).compose(sent -> login(new JsonObject().put("step", Login.CODE)));
    }
    if (settings.interactive()) {
      return Async.readLine(vertx, "Phone number or bot token: ").compose(answer -> answer.trim().matches("\\d+:.+")
          ? botLogin(answer.trim()) : phoneLogin(answer.trim()).compose(s -> ConsoleLogin.next(vertx, this,
          Login.CODE)));
    }
    return Future.failedFuture(new IllegalStateException(
        "not logged in: set settings.login.botToken, settings.login.phone or settings.login.interactive"));
  }

  /** Logs in as a bot (auth.importBotAuthorization); returns the bot's user. */
  public Future<JsonObject> botLogin(String token) {
    owned("botLogin");
    return whenUser(login.bot(token));
  }

  /** Sends the login code (auth.sendCode); returns auth.sentCode. */
  public Future<JsonObject> phoneLogin(String phone) {
    owned("phoneLogin");
    return login.sendCode(phone);
  }

  /** Signs in with the code: the self user, account.password (2FA needed) or auth.authorizationSignUpRequired. */
  public Future<JsonObject> completePhoneLogin(String code) {
    owned("completePhoneLogin");
    return whenUser(login.code(code));
  }

  /** Completes a 2FA login with the password (SRP); returns the self user. */
  public Future<JsonObject> complete2faLogin(String password) {
    owned("complete2faLogin");
    return whenUser(login.password(password));
  }

  /** Signs up a new number; returns the self user. */
  public Future<JsonObject> completeSignup(String firstName, String lastName) {
    owned("completeSignup");
    return whenUser(login.signUp(firstName, lastName));
  }

  /** QR login: {@code onUrl} gets each tg://login?token=... URL to show; completes with the self user. */
  public Future<JsonObject> qrLogin(Consumer<String> onUrl) {
    owned("qrLogin");
    return whenUser(login.qr(onUrl));
  }

  /** The pending login step ("code", "password", "signup") or null. */
  public Future<String> loginStep() {
    owned("loginStep");
    return login.pending().map(p -> p == null ? null : p.getString("step"));
  }

  /** Logs out (auth.logOut) and drops the auth keys and the login state. */
  public Future<Void> logout() {
    owned("logout");
    return login.logout().compose(v -> keys.clear());
  }

  /** The session's updates (its UpdatesVerticle), started by {@link #start()}. */
  public UpdatesManager updates() {
    return updates;
  }

  /**
   * Installs the receivers of pushed updates (after the peer database and the login waiters saw them) and of
   * server-session changes; the UpdatesManager's link does (any thread).
   */
  public void subscribe(Handler<JsonObject> updates, Handler<String> sessionResets) {
    owned("subscribe");
    this.updateSink = updates;
    this.resetSink = sessionResets;
  }

  /** Runs {@code hook} first on {@link #close()} (handlers deployed on this session undeploy there). */
  public void onClose(Supplier<Future<?>> hook) {
    closeHooks.add(hook);
  }

  public String session() {
    return session;
  }

  public Settings settings() {
    return settings;
  }

  public MtprotoClient rpc() {
    owned("rpc");
    return rpc;
  }

  /** Calls a method with peers resolved, parse_mode applied and long messages split; see {@link CallPipeline}. */
  public Future<JsonObject> call(JsonObject method) {
    return call(method, CallOptions.DEFAULT);
  }

  public Future<JsonObject> call(JsonObject method, CallOptions options) {
    return forwarder != null ? forwarder.call(method, options) : pipeline.call(method, options);
  }

  /** Whether another process owns the session and this one forwards its calls and updates there. */
  public boolean forwarding() {
    return forwarder != null;
  }

  /**
   * The connection to the session's owner when {@link #forwarding()}, else null: file transfers with progress and
   * cancellation run at the owner through {@link IpcClient#transfer}.
   */
  public IpcClient forwarder() {
    return forwarder;
  }

  /**
   * The session's IPC endpoint when this process owns and serves it (null otherwise): set its idle and hand-over
   * handlers there (a background worker does).
   */
  public IpcServer ipcServer() {
    return ipcServer;
  }

  /** Opens the gate of forwarded calls once a login step returns the self user. */
  private Future<JsonObject> whenUser(Future<JsonObject> step) {
    return step.onSuccess(r -> {
      if ("user".equals(r.getString("_"))) {
        loggedIn.tryComplete();
      }
    });
  }

  private void owned(String what) {
    if (forwarder != null) {
      throw new IllegalStateException("session " + session + " is owned by another process: " + what
          + "() is only available there (this one forwards calls and updates)");
    }
  }

  /**
   * Uploads, downloads and sends of files (progress on {@code vertigram.<session>.progress}); their messages go
   * through {@link #call}, so peers may be given as for any call.
   */
  public FileTransfers files() {
    owned("files");
    return files;
  }

  public PeerDatabase peers() {
    owned("peers");
    return peers;
  }

  public Store store() {
    owned("store");
    return store;
  }

  /**
   * The session's HTTP client (MadelineProto's getHTTPClient): {@link Settings#http()}, falling back to
   * connection.transport.proxy when a direct connection fails; created on first use, closed with the session.
   */
  public synchronized HttpFetcher http() {
    if (http == null) {
      HttpOptions options = new HttpOptions(settings.http());
      if (options.proxy() == null) {
        options.proxy(settings.client().transport().proxy());
      }
      http = HttpFetcher.create(vertx, options);
      onClose(http::close);
    }
    return http;
  }

  /** The body of a GET of {@code url} through {@link #http()} (at most {@link HttpOptions#maxBodySize()} bytes). */
  public Future<Buffer> fileGetContents(String url) {
    return http().fileGetContents(url);
  }

  /**
   * Runs the close hooks, stops the updates (saving their state), stops serving other processes, closes the client,
   * then the store (releasing the session's lock). A forwarding session closes its connection to the owner.
   */
  public Future<Void> close() {
    Future<Void> hooks = Future.join(closeHooks.stream().map(Supplier::get).toList()).<Void>mapEmpty()
        .eventually(updates::stop);
    if (forwarder != null) {
      return hooks.eventually(forwarder::close);
    }
    IpcServer server = ipcServer;
    return hooks.eventually(() -> server == null ? Future.succeededFuture() : server.close())
        .eventually(rpc::close).eventually(store::close);
  }

  private static Future<ClientOptions> clientOptions(Vertx vertx, Settings settings) {
    JsonObject local = settings.localDc();
    ClientOptions options = settings.client();
    if (local == null) {
      return Future.succeededFuture(options);
    }
    Future<JsonObject> doc = local.containsKey("dcsFile")
        ? vertx.fileSystem().readFile(local.getString("dcsFile")).map(b -> b.toJsonObject())
        : Future.succeededFuture(local);
    return doc.map(d -> {
      Settings.applyDcs(options, d, local.getString("host"));
      return options;
    });
  }
}
