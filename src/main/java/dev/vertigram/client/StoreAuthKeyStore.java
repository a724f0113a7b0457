package dev.vertigram.client;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.storage.Db;
import dev.vertigram.storage.Store;
import dev.vertigram.storage.StringMap;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@link AuthKeyStore} over a session's {@link Store}: the permanent key of each DC ({@code "dc2.perm"}, 256
 * bytes) and the server salts of that key ({@code "dc2.salts"}) in {@link Db#AUTH_KEYS}, the server clock's offset
 * ({@code "timeOffsetMillis"}, 8 bytes) and the home DC after a migration ({@code "homeDc"}) in {@link Db#SESSION}.
 * Both databases are immediate, so a saved key is durable when {@link #savePermKey} succeeds. Everything is loaded once by {@link #open}; lookups are then answered
 * from memory, so the connections' event loops never wait on the store. Salts and the offset are written in the
 * background: losing one costs a bad_server_salt or a clock resync, never the session. Key bytes are never logged.
 * <pre>
 * Store.open(vertx, storeOptions)
 *     .compose(StoreAuthKeyStore::open)
 *     .map(keys -&gt; MtprotoClient.create(vertx, "main", clientOptions, keys));
 * </pre>
 */
public final class StoreAuthKeyStore implements AuthKeyStore {

  private static final Logger log = LoggerFactory.getLogger(StoreAuthKeyStore.class);
  private static final Pattern KEY = Pattern.compile("dc(-?\\d{1,9})\\.(perm|salts)");
  private static final String TIME_OFFSET = "timeOffsetMillis";
  private static final String HOME_DC = "homeDc";
  /** Offsets closer than this to the saved one are not written again. */
  private static final long OFFSET_SLACK_MILLIS = 1000;

  private final StringMap authKeys;
  private final StringMap session;
  /** The keys as loaded and saved since. */
  private final AuthKeyStore keys = AuthKeyStore.inMemory();
  private final Map<Integer, Buffer> salts = new ConcurrentHashMap<>();
  /** The DCs that have a permanent key, so that {@link #clear} can forget them all. */
  private final Set<Integer> dcs = ConcurrentHashMap.newKeySet();
  private volatile long timeOffset;
  private volatile int homeDc;

  private StoreAuthKeyStore(Store store) {
    this.authKeys = store.stringMap(Db.AUTH_KEYS);
    this.session = store.stringMap(Db.SESSION);
  }

  /** Loads the keys, salts and clock offset kept in {@code store}. */
  public static Future<StoreAuthKeyStore> open(Store store) {
    StoreAuthKeyStore s = new StoreAuthKeyStore(store);
    return s.authKeys.forEach(s::loaded)
        .compose(v -> s.session.get(TIME_OFFSET))
        .compose(offset -> {
          if (offset != null && offset.length() == Long.BYTES) {
            s.timeOffset = offset.getLong(0);
          }
          return s.session.get(HOME_DC);
        })
        .map(home -> {
          if (home != null && home.length() == Integer.BYTES) {
            s.homeDc = home.getInt(0);
          }
          return s;
        });
  }

  @Override
  public Future<AuthKey> permKey(int dcId) {
    return keys.permKey(dcId);
  }

  @Override
  public Future<Void> savePermKey(int dcId, AuthKey key) {
    keys.savePermKey(dcId, key);
    dcs.add(dcId);
    salts.remove(dcId); // the salts of the old key are not the new one's
    return Future.all(authKeys.remove(saltsKey(dcId)), authKeys.put(keyName(dcId), Buffer.buffer(key.bytes())))
        .mapEmpty();
  }

  @Override
  public Future<Void> removePermKey(int dcId) {
    keys.removePermKey(dcId);
    dcs.remove(dcId);
    salts.remove(dcId);
    return Future.all(authKeys.remove(keyName(dcId)), authKeys.remove(saltsKey(dcId))).mapEmpty();
  }

  @Override
  public Buffer serverSalts(int dcId) {
    return salts.get(dcId);
  }

  @Override
  public void saveServerSalts(int dcId, Buffer saved) {
    salts.put(dcId, saved.copy());
    authKeys.put(saltsKey(dcId), saved).onFailure(e -> log.warn("the salts of DC {} were not saved: {}", dcId,
        e.getMessage()));
  }

  @Override
  public long timeOffsetMillis() {
    return timeOffset;
  }

  @Override
  public void saveTimeOffset(long offsetMillis) {
    if (Math.abs(offsetMillis - timeOffset) < OFFSET_SLACK_MILLIS) {
      return;
    }
    timeOffset = offsetMillis;
    session.put(TIME_OFFSET, Buffer.buffer(Long.BYTES).appendLong(offsetMillis))
        .onFailure(e -> log.warn("the server clock offset was not saved: {}", e.getMessage()));
  }

  @Override
  public int homeDc() {
    return homeDc;
  }

  /** Written at once (Db.SESSION is immediate): a restart must find the logged-in DC again. */
  @Override
  public void saveHomeDc(int dcId) {
    homeDc = dcId;
    session.put(HOME_DC, Buffer.buffer(Integer.BYTES).appendInt(dcId))
        .onFailure(e -> log.warn("the home DC was not saved: {}", e.getMessage()));
  }

  /** Forgets the keys and salts of every DC (logout). */
  public Future<Void> clear() {
    return Future.all(Set.copyOf(dcs).stream().map(this::removePermKey).toList()).mapEmpty();
  }

  private void loaded(String key, Buffer value) {
    Matcher m = KEY.matcher(key);
    if (!m.matches()) {
      return; // another layer's entry (temporary keys, bindings)
    }
    int dcId = Integer.parseInt(m.group(1));
    if (m.group(2).equals("salts")) {
      salts.put(dcId, value);
    } else if (value.length() == 256) {
      keys.savePermKey(dcId, new AuthKey(value.getBytes()));
      dcs.add(dcId);
    } else {
      log.warn("ignoring the stored auth key of DC {}: {} bytes instead of 256", dcId, value.length());
    }
  }

  private static String keyName(int dcId) {
    return "dc" + dcId + ".perm";
  }

  private static String saltsKey(int dcId) {
    return "dc" + dcId + ".salts";
  }
}
