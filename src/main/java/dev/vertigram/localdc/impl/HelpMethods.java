package dev.vertigram.localdc.impl;

import dev.vertigram.localdc.DcEndpoint;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** help.getConfig (dc_options = the Local DC's own endpoints), help.getNearestDc and help.getAppConfig. */
final class HelpMethods implements MethodRegistry.Area {

  /** How long a config is valid (the client re-fetches it after that). */
  static final int CONFIG_TTL_SECONDS = 3600;

  @Override
  public void register(MethodRegistry registry) {
    registry.add("help.getConfig", call -> Future.succeededFuture(config(call.dc())))
        .add("help.getNearestDc", call -> Future.succeededFuture(new JsonObject().put("_", "nearestDc")
            .put("country", "XX").put("this_dc", call.dc().id()).put("nearest_dc", call.dc().id())))
        .add("help.getAppConfig", call -> Future.succeededFuture(new JsonObject().put("_", "help.appConfig")
            .put("hash", call.query().getInteger("hash")).put("config", AppConfig.json())));
  }

  private static JsonObject config(DcState dc) {
    JsonArray options = new JsonArray();
    for (DcEndpoint e : dc.core().endpoints()) {
      options.add(new JsonObject().put("_", "dcOption").put("id", e.id()).put("ip_address", e.host())
          .put("port", e.port()));
    }
    int now = (int) dc.clock().seconds();
    return new JsonObject().put("_", "config")
        .put("date", now).put("expires", now + CONFIG_TTL_SECONDS)
        .put("test_mode", Boolean.TRUE.equals(dc.core().options().testMode()))
        .put("this_dc", dc.id()).put("dc_options", options).put("dc_txt_domain_name", "localdc.invalid")
        .put("chat_size_max", ChatMethods.CHAT_SIZE_MAX).put("megagroup_size_max", 200_000).put("forwarded_count_max", 100)
        .put("online_update_period_ms", 210_000).put("offline_blur_timeout_ms", 5000)
        .put("offline_idle_timeout_ms", 30_000).put("online_cloud_timeout_ms", 300_000)
        .put("notify_cloud_delay_ms", 30_000).put("notify_default_delay_ms", 1500)
        .put("push_chat_period_ms", 60_000).put("push_chat_limit", 2)
        .put("edit_time_limit", 172_800).put("revoke_time_limit", Integer.MAX_VALUE)
        .put("revoke_pm_time_limit", Integer.MAX_VALUE).put("rating_e_decay", 2_419_200)
        .put("stickers_recent_limit", 200).put("channels_read_media_period", 604_800)
        .put("call_receive_timeout_ms", 20_000).put("call_ring_timeout_ms", 90_000)
        .put("call_connect_timeout_ms", 30_000).put("call_packet_timeout_ms", 10_000)
        .put("me_url_prefix", "https://t.me/").put("caption_length_max", MessageMethods.CAPTION_LENGTH_MAX)
        .put("message_length_max", MessageMethods.MESSAGE_LENGTH_MAX)
        .put("webfile_dc_id", dc.id());
  }
}
