package org.corridorrisk.scenario;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where each key and value of a scenario document sits in its file, by document path ({@code
 * nodes[3].supply}, {@code economy.interdependency[1][0]}). Lines and columns are 1-based.
 *
 * <p>Design note: the parser's own error locations are not usable for this (Jackson's YAML parser
 * reports an unknown property at the <em>next</em> token), so the reader records the location of
 * every key and value token while it builds the tree, and every later check (schema, model) reports
 * by path and is located here. One map entry per path holds both the key's and the value's position
 * to keep large files cheap.
 */
final class Locations {
  /** A 1-based line and column. */
  record Loc(int line, int column) {
    static final Loc START = new Loc(1, 1);
  }

  private static final class Entry {
    int keyLine;
    int keyColumn;
    int valueLine;
    int valueColumn;
  }

  private Map<String, Entry> entries;

  /** Where the entries come from when they are first asked for (null: recorded as read). */
  private Supplier<Locations> source;

  Locations() {
    this(16);
  }

  /** Sized for about {@code expectedPaths} paths (avoids rehashing a large document's map). */
  Locations(int expectedPaths) {
    entries = new HashMap<>(Math.max(16, (int) (expectedPaths / 0.75f) + 1));
  }

  private Locations(Supplier<Locations> source) {
    this.source = source;
  }

  /**
   * Locations found only when first asked for, by {@code source} (e.g. reading the document again
   * with the reader that records them): a valid document is rarely asked where anything is, so the
   * fast path of a large file need not record them. Thread-safe.
   */
  static Locations lazy(Supplier<Locations> source) {
    return new Locations(source);
  }

  private synchronized Map<String, Entry> entries() {
    if (entries == null) {
      entries = source.get().entries();
      source = null;
    }
    return entries;
  }

  /**
   * Records the value's location at a path seen for the first time, and the key's when {@code key}
   * is not null: one map operation per document value (the reader's hot path).
   */
  void firstSeen(String path, Loc key, Loc value) {
    Entry e = entries.get(path); // recorded as read: never lazy
    if (e == null) {
      e = new Entry();
      entries.put(path, e);
    }
    if (key != null) {
      e.keyLine = key.line();
      e.keyColumn = key.column();
    }
    e.valueLine = value.line();
    e.valueColumn = value.column();
  }

  void key(String path, Loc loc) {
    Entry e = entries().computeIfAbsent(path, k -> new Entry());
    e.keyLine = loc.line();
    e.keyColumn = loc.column();
  }

  void value(String path, Loc loc) {
    Entry e = entries().computeIfAbsent(path, k -> new Entry());
    e.valueLine = loc.line();
    e.valueColumn = loc.column();
  }

  /** Location of the key at {@code path}, or null (array elements and the root have none). */
  Loc keyAt(String path) {
    Entry e = entries().get(path);
    return e == null || e.keyLine == 0 ? null : new Loc(e.keyLine, e.keyColumn);
  }

  /** Location of the value at {@code path}, or null. */
  Loc valueAt(String path) {
    Entry e = entries().get(path);
    return e == null || e.valueLine == 0 ? null : new Loc(e.valueLine, e.valueColumn);
  }

  /**
   * The best location for a problem at {@code path}: the value's location (or the key's when {@code
   * preferKey}), else the other one, else the nearest ancestor's value, else line 1 column 1.
   */
  Loc locate(String path, boolean preferKey) {
    String p = path;
    boolean key = preferKey;
    while (true) {
      Loc first = key ? keyAt(p) : valueAt(p);
      if (first != null) {
        return first;
      }
      Loc second = key ? valueAt(p) : keyAt(p);
      if (second != null) {
        return second;
      }
      if (p.isEmpty()) {
        return Loc.START;
      }
      p = Paths.parent(p);
      key = false;
    }
  }
}
