package dev.vertigram.localdc.world;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A channel (broadcast) or supergroup (megagroup): one shared {@link Mailbox} (message ids and pts per channel).
 * Guarded by the {@link World} lock.
 */
public final class Channel {

  private final long id;
  private final long creatorId;
  private final boolean megagroup;
  private final int date;
  private String title;
  private String about;
  private String username;
  private final Map<Long, Chat.Member> members = new LinkedHashMap<>();
  private final Mailbox mailbox;

  Channel(long id, String title, String about, boolean megagroup, long creatorId, int date) {
    this(id, title, about, megagroup, creatorId, date, new Mailbox());
  }

  private Channel(long id, String title, String about, boolean megagroup, long creatorId, int date, Mailbox mailbox) {
    this.mailbox = mailbox;
    this.id = id;
    this.title = title;
    this.about = about;
    this.megagroup = megagroup;
    this.creatorId = creatorId;
    this.date = date;
  }

  /** A copy for a snapshot (see {@link Mailbox#copy()}). Call under the world lock. */
  Channel copy() {
    Channel c = new Channel(id, title, about, megagroup, creatorId, date, mailbox.copy());
    c.username = username;
    c.members.putAll(members);
    return c;
  }

  public long id() {
    return id;
  }

  public String title() {
    return title;
  }

  public void title(String title) {
    this.title = title;
  }

  public String about() {
    return about;
  }

  public boolean megagroup() {
    return megagroup;
  }

  public long creatorId() {
    return creatorId;
  }

  public int date() {
    return date;
  }

  /** Without the @, null when none. */
  public String username() {
    return username;
  }

  void username(String username) {
    this.username = username;
  }

  /** Members in join order, by user id. */
  public Map<Long, Chat.Member> members() {
    return members;
  }

  public Mailbox mailbox() {
    return mailbox;
  }
}
