package dev.vertigram.client;

import dev.vertigram.files.FileTransfers;
import dev.vertigram.http.HttpFetcher;
import dev.vertigram.http.HttpOptions;
import dev.vertigram.loop.Async;
import dev.vertigram.peers.PeerDatabase;
import dev.vertigram.storage.Db;
import dev.vertigram.storage.Store;
import dev.vertigram.storage.StoreOptions;
import dev.vertigram.updates.UpdatesManager;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

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

  /** Opens the session's store (locking its folder), loads its keys and peers, and sets up the client. */
  public static Future<Vertigram> open(Vertx vertx, String session, Settings settings) {
    StoreOptions storeOptions = new StoreOptions(settings.storage().toJson()).setSession(session);
    return clientOptions(vertx, settings).compose(options -> Store.open(vertx, storeOptions).compose(store ->
        StoreAuthKeyStore.open(store).compose(keys -> {
          MtprotoClient client = MtprotoClient.create(vertx, session, options, keys);
          return PeerDatabase.load(store, m -> client.call(m)).compose(peers -> {
            Vertigram tg = new Vertigram(vertx, session, settings, store, keys, client, peers);
            return tg.login.self().map(self -> {
              if (self != null) {
                peers.selfId(self.getLong("id"));
              }
              return tg;
            });
          });
        }).onFailure(e -> store.close())));
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
    return login.self().compose(self -> self != null ? Future.succeededFuture(self) : login.pending()
        .compose(this::login)).compose(self -> settings.cacheAllPeersOnStartup()
        ? peers.cacheAllPeers().map(self) : Future.succeededFuture(self));
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
    return login.bot(token);
  }

  /** Sends the login code (auth.sendCode); returns auth.sentCode. */
  public Future<JsonObject> phoneLogin(String phone) {
    return login.sendCode(phone);
  }

  /** Signs in with the code: the self user, account.password (2FA needed) or auth.authorizationSignUpRequired. */
  public Future<JsonObject> completePhoneLogin(String code) {
    return login.code(code);
  }

  /** Completes a 2FA login with the password (SRP); returns the self user. */
  public Future<JsonObject> complete2faLogin(String password) {
    return login.password(password);
  }

  /** Signs up a new number; returns the self user. */
  public Future<JsonObject> completeSignup(String firstName, String lastName) {
    return login.signUp(firstName, lastName);
  }

  /** QR login: {@code onUrl} gets each tg://login?token=... URL to show; completes with the self user. */
  public Future<JsonObject> qrLogin(Consumer<String> onUrl) {
    return login.qr(onUrl);
  }

  /** The pending login step ("code", "password", "signup") or null. */
  public Future<String> loginStep() {
    return login.pending().map(p -> p == null ? null : p.getString("step"));
  }

  /** Logs out (auth.logOut) and drops the auth keys and the login state. */
  public Future<Void> logout() {
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
    return rpc;
  }

  /** Calls a method with peers resolved, parse_mode applied and long messages split; see {@link CallPipeline}. */
  public Future<JsonObject> call(JsonObject method) {
    return call(method, CallOptions.DEFAULT);
  }

  public Future<JsonObject> call(JsonObject method, CallOptions options) {
    return pipeline.call(method, options);
  }

  /**
   * Uploads, downloads and sends of files (progress on {@code vertigram.<session>.progress}); their messages go
   * through {@link #call}, so peers may be given as for any call.
   */
  public FileTransfers files() {
    return files;
  }

  public PeerDatabase peers() {
    return peers;
  }

  public Store store() {
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

  /** Runs the close hooks, stops the updates (saving their state), closes the client, then the store. */
  public Future<Void> close() {
    return Future.join(closeHooks.stream().map(Supplier::get).toList()).<Void>mapEmpty()
        .eventually(updates::stop).eventually(rpc::close).eventually(store::close);
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
