package dev.vertigram.tl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Parses the text of a .tl file into declarations (no type resolution: see {@link TlLinker}). Runs once per schema,
 * so it favours clarity over speed.
 */
final class TlParser {

  /** A parameter as written: {@code name:flags.3?Vector<long>} gives ("name", "Vector<long>", "flags", 3). */
  record Param(String name, String type, String flagField, int flagBit) {}

  /**
   * One combinator. {@code id} is the declared id, or the rule id when the file gives none ({@code explicitId} false);
   * {@code ruleId} is always the CRC32 of the normalized declaration (VECTORS §11).
   */
  record Decl(String name, int id, boolean explicitId, int ruleId, boolean method, List<String> generics,
      List<Param> params, String type) {}

  /** The declarations of one file and the highest layer number its comments mention (0 when none). */
  record Source(List<Decl> decls, int layer) {}

  /** Names of the built-in types whose pseudo-declarations ({@code int ? = Int}, {@code vector ...}) are skipped. */
  private static final Set<String> BUILTINS =
      Set.of("int", "long", "double", "string", "bytes", "int128", "int256", "vector");

  private static final Pattern COMMENT = Pattern.compile("//[^\n]*");
  private static final Pattern LAYER = Pattern.compile("(?i)\\blayer\\s+(\\d+)");
  private static final Pattern SECTION = Pattern.compile("---(functions|types)---");
  private static final Pattern HEAD = Pattern.compile("([A-Za-z_][\\w.]*)(?:#([0-9a-fA-F]{1,8}))?");
  private static final Pattern GENERIC = Pattern.compile("\\{(\\w+):Type}");
  private static final Pattern PARAM = Pattern.compile("(\\w+):(?:(\\w+)\\.(\\d{1,2})\\?)?(\\S+)");
  private static final Pattern TRUE_FLAG = Pattern.compile(" \\w+:flags\\d*\\.\\d+\\?true");

  private TlParser() {}

  /**
   * Parses one .tl file.
   *
   * @param binaryStrings treat {@code string} as {@code bytes} except in {@code textFields} ("ctor.field"): the
   *     MTProto service schema writes {@code string} for binary data such as {@code pq} or {@code encrypted_data}
   */
  static Source parse(String text, boolean binaryStrings, Set<String> textFields) {
    int layer = 0;
    Matcher comments = COMMENT.matcher(text);
    while (comments.find()) {
      Matcher m = LAYER.matcher(comments.group());
      while (m.find()) {
        layer = Math.max(layer, Integer.parseInt(m.group(1)));
      }
    }
    List<Decl> decls = new ArrayList<>();
    boolean methods = false;
    for (String raw : COMMENT.matcher(text).replaceAll("").split(";")) {
      String decl = raw.strip().replaceAll("\\s+", " ");
      Matcher section = SECTION.matcher(decl);
      while (section.lookingAt()) {
        methods = section.group(1).equals("functions");
        decl = decl.substring(section.end()).strip();
        section = SECTION.matcher(decl);
      }
      if (!decl.isEmpty()) {
        Decl d = declaration(decl, methods, binaryStrings, textFields);
        if (d != null) {
          decls.add(d);
        }
      }
    }
    return new Source(decls, layer);
  }

  /** The CRC32 rule of VECTORS §11, applied to a declaration written with single spaces and without its id. */
  static int ruleId(String declaration) {
    String s = (declaration + " ")
        .replace(":bytes ", ":string ")
        .replace("?bytes ", "?string ")
        .replace("<", " ")
        .replace(">", "")
        .replace("{", "")
        .replace("}", "")
        .strip();
    s = TRUE_FLAG.matcher(s).replaceAll("");
    CRC32 crc = new CRC32();
    crc.update(s.getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  private static Decl declaration(String decl, boolean method, boolean binaryStrings, Set<String> textFields) {
    int eq = decl.lastIndexOf(" = ");
    Matcher head = HEAD.matcher(decl);
    if (eq < 0 || !head.lookingAt()) {
      throw new TlException("bad declaration: " + decl);
    }
    // Interned, so that JSON keys and "_" values written as literals in code match by identity in map lookups.
    String name = head.group(1).intern();
    if (BUILTINS.contains(name)) {
      return null;
    }
    String type = decl.substring(eq + 3).strip();
    String body = decl.substring(head.end(), eq).strip();
    List<String> generics = new ArrayList<>();
    List<Param> params = new ArrayList<>();
    for (String token : body.isEmpty() ? new String[0] : body.split(" ")) {
      Matcher g = GENERIC.matcher(token);
      Matcher p = PARAM.matcher(token);
      if (g.matches()) {
        generics.add(g.group(1));
      } else if (p.matches()) {
        String t = p.group(4);
        if (binaryStrings && t.equals("string") && !textFields.contains(name + "." + p.group(1))) {
          t = "bytes";
        }
        params.add(new Param(p.group(1).intern(), t, p.group(2), p.group(2) == null ? -1 : Integer.parseInt(p.group(3))));
      } else {
        throw new TlException("bad parameter '" + token + "' in: " + decl);
      }
    }
    String withoutId = (name + " " + body + " = " + type).replace("  ", " ");
    int ruleId = ruleId(withoutId);
    int id = head.group(2) == null ? ruleId : Integer.parseUnsignedInt(head.group(2), 16);
    return new Decl(name, id, head.group(2) != null, ruleId, method, generics, params, type);
  }
}
