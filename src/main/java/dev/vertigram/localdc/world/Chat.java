package dev.vertigram.localdc.world;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A basic group. Its messages live in each member's {@link Mailbox} (Telegram numbers them per account). Guarded by
 * the {@link World} lock.
 */
public final class Chat {

  /** A member: who invited them and when. */
  public record Member(long userId, long inviterId, int date) {
  }

  private final long id;
  private final long creatorId;
  private final int date;
  private String title;
  private int version;
  private final Map<Long, Member> members = new LinkedHashMap<>();

  Chat(long id, String title, long creatorId, int date) {
    this.id = id;
    this.title = title;
    this.creatorId = creatorId;
    this.date = date;
  }

  /** A copy for a snapshot. Call under the world lock. */
  Chat copy() {
    Chat c = new Chat(id, title, creatorId, date);
    c.version = version;
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

  public long creatorId() {
    return creatorId;
  }

  public int date() {
    return date;
  }

  /** Participants version (incremented on each membership change). */
  public int version() {
    return version;
  }

  void version(int version) {
    this.version = version;
  }

  /** Members in join order, by user id. */
  public Map<Long, Member> members() {
    return members;
  }

  public void addMember(long userId, long inviterId, int date) {
    if (members.putIfAbsent(userId, new Member(userId, inviterId, date)) == null) {
      version++;
    }
  }
}
