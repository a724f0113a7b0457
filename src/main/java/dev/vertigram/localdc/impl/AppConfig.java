package dev.vertigram.localdc.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * The app config of help.getAppConfig: a plain JSON object in Telegram's spirit, converted once to TL JSONValue.
 * Like the real one it is several KiB (the emoji sounds table makes most of it), so its rpc_result is gzip_packed.
 */
final class AppConfig {

  private static final JsonObject TL = toTl(plain());

  private AppConfig() {
  }

  /** The config as a TL {@code JSONValue} in the JSON mapping. */
  static JsonObject json() {
    return TL;
  }

  private static JsonObject plain() {
    JsonObject sounds = new JsonObject();
    String[] emojis = {"😀", "😂", "😍", "😎", "😭", "😡", "👍", "👎", "❤", "🔥", "🎉", "💩", "🤔", "😱", "🥳", "👻"};
    for (int i = 0; i < 48; i++) {
      long id = 5_000_000_000_000_000_000L / 48 * (i + 1);
      sounds.put(emojis[i % emojis.length] + (i < emojis.length ? "" : Integer.toString(i / emojis.length)),
          new JsonObject().put("id", Long.toString(id)).put("access_hash", Long.toString(id ^ 0x5DEECE66DL))
              .put("file_reference_base64", "AQAAAAFlocaldc" + Long.toHexString(id * 31) + "sound" + i));
    }
    return new JsonObject()
        .put("test", 1)
        .put("emojies_animated_zoom", 0.625)
        .put("emojies_send_dice", new JsonArray().add("🎲").add("🎯").add("🏀").add("⚽").add("🎰").add("🎳"))
        .put("emojies_send_dice_success", new JsonObject()
            .put("🎯", new JsonObject().put("value", 6).put("frame_start", 62))
            .put("🏀", new JsonObject().put("value", 5).put("frame_start", 110)))
        .put("emojies_sounds", sounds)
        .put("gif_search_branding", "tenor")
        .put("gif_search_emojies", new JsonArray().add("👍").add("😘").add("😍").add("😡").add("🥳").add("😂"))
        .put("stickers_emoji_suggest_only_api", false)
        .put("stickers_emoji_cache_time", 86400)
        .put("groupcall_video_participants_max", 1000)
        .put("youtube_pip", "inapp")
        .put("qr_login_camera", false)
        .put("qr_login_code", "disabled")
        .put("dialog_filters_enabled", true)
        .put("dialog_filters_tooltip", false)
        .put("autoarchive_setting_available", false)
        .put("pending_suggestions", new JsonArray().add("VALIDATE_PHONE_NUMBER").add("VALIDATE_PASSWORD"))
        .put("autologin_domains", new JsonArray().add("instantview.telegram.org").add("translations.telegram.org"))
        .put("url_auth_domains", new JsonArray().add("somedomain.telegram.org"))
        .put("round_video_encoding", new JsonObject().put("diameter", 384).put("video_bitrate", 1000)
            .put("audio_bitrate", 64).put("max_size", 12_582_912))
        .put("chat_read_mark_size_threshold", 100)
        .put("chat_read_mark_expire_period", 604_800)
        .put("reactions_uniq_max", 11)
        .put("ringtone_duration_max", 5)
        .put("ringtone_size_max", 307_200)
        .put("ringtone_saved_count_max", 100)
        .put("premium_purchase_blocked", true)
        .put("channels_limit_default", 500)
        .put("saved_gifs_limit_default", 200)
        .put("stickers_faved_limit_default", 5)
        .put("dialog_filters_limit_default", 10)
        .put("upload_max_fileparts_default", 4000)
        .put("upload_max_fileparts_premium", 8000)
        .put("about_length_limit_default", 70)
        .put("caption_length_limit_default", 1024)
        .put("small_queue_max_active_operations_count", 5)
        .put("large_queue_max_active_operations_count", 2);
  }

  /** Plain JSON → TL JSONValue ({@code jsonObject}, {@code jsonArray}, {@code jsonString}, ...). */
  static JsonObject toTl(Object value) {
    if (value == null) {
      return new JsonObject().put("_", "jsonNull");
    }
    if (value instanceof Boolean b) {
      return new JsonObject().put("_", "jsonBool").put("value", b);
    }
    if (value instanceof Number n) {
      return new JsonObject().put("_", "jsonNumber").put("value", n.doubleValue());
    }
    if (value instanceof String s) {
      return new JsonObject().put("_", "jsonString").put("value", s);
    }
    if (value instanceof JsonArray a) {
      JsonArray items = new JsonArray();
      a.forEach(item -> items.add(toTl(item)));
      return new JsonObject().put("_", "jsonArray").put("value", items);
    }
    JsonArray fields = new JsonArray();
    for (Map.Entry<String, Object> e : (JsonObject) value) {
      fields.add(new JsonObject().put("_", "jsonObjectValue").put("key", e.getKey()).put("value", toTl(e.getValue())));
    }
    return new JsonObject().put("_", "jsonObject").put("value", fields);
  }
}
