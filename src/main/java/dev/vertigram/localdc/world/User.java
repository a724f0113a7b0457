package dev.vertigram.localdc.world;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An account: a person (phone number) or a bot. Mutable, guarded by the {@link World} lock like everything in it.
 */
public final class User {

  private final long id;
  private final String phone;
  private final boolean bot;
  private final int homeDc;
  private final String botSecret;
  private String firstName;
  private String lastName = "";
  private String username;
  private String about = "";
  private Password password;
  private final Set<Long> contacts = new LinkedHashSet<>();
  private final Mailbox mailbox;

  User(long id, String phone, boolean bot, String botSecret, int homeDc, String firstName) {
    this(id, phone, bot, botSecret, homeDc, firstName, new Mailbox());
  }

  private User(long id, String phone, boolean bot, String botSecret, int homeDc, String firstName, Mailbox mailbox) {
    this.mailbox = mailbox;
    this.id = id;
    this.phone = phone;
    this.bot = bot;
    this.botSecret = botSecret;
    this.homeDc = homeDc;
    this.firstName = firstName;
  }

  /** A copy for a snapshot (see {@link Mailbox#copy()}). Call under the world lock. */
  User copy() {
    User c = new User(id, phone, bot, botSecret, homeDc, firstName, mailbox.copy());
    c.lastName = lastName;
    c.username = username;
    c.about = about;
    c.password = password;
    c.contacts.addAll(contacts);
    return c;
  }

  public long id() {
    return id;
  }

  /** Digits only, null for bots. */
  public String phone() {
    return phone;
  }

  public boolean bot() {
    return bot;
  }

  /** The secret part of the bot token {@code <id>:<secret>}, null for people. */
  public String botSecret() {
    return botSecret;
  }

  /** The DC the account lives on (PHONE_MIGRATE / USER_MIGRATE target). */
  public int homeDc() {
    return homeDc;
  }

  public String firstName() {
    return firstName;
  }

  public String lastName() {
    return lastName;
  }

  public void name(String first, String last) {
    this.firstName = first;
    this.lastName = last;
  }

  /** Without the @, null when none; change it through {@link World#setUsername}. */
  public String username() {
    return username;
  }

  void username(String username) {
    this.username = username;
  }

  public String about() {
    return about;
  }

  public void about(String about) {
    this.about = about;
  }

  /** The 2FA password, null when none. */
  public Password password() {
    return password;
  }

  public void password(Password password) {
    this.password = password;
  }

  /** Ids of the users in this user's contact list. */
  public Set<Long> contacts() {
    return contacts;
  }

  /** The user's private message box: PMs and basic-group messages with their ids, pts/qts/seq and update log. */
  public Mailbox mailbox() {
    return mailbox;
  }
}
