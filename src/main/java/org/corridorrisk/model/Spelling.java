package org.corridorrisk.model;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" suggestions for misspelt keys, ids, values, commands and options: the one rule
 * every message that offers a suggestion uses.
 *
 * <p>Design note: a suggestion is only worth printing when the word given is plausibly a typo of
 * it. The rule used to be "the closest candidate within max(2, length/3) edits", measured on the
 * word given alone, so a one- or two-letter word was "close" to every short id ({@code qq} -> "did
 * you mean 'a'?", {@code c} -> "did you mean 'b'?"). Now the allowed distance is measured against
 * both words: the edits may be at most a third of the longer word (at least one edit) and at most
 * half of the shorter one, so most of either word survives the typo. A word that differs only in
 * case is always a typo ({@code FAIR} for {@code fair}); a word of at least two letters that begins
 * exactly one candidate is taken as an abbreviation of it ({@code crit} for {@code criticality}).
 * Rejected: a fixed distance (2 edits is everything for a two-letter id and little for a 20-letter
 * key), and picocli's character-pair similarity (offers unrelated names).
 */
public final class Spelling {
  private Spelling() {}

  /**
   * The candidate that {@code given} is plausibly a typo of, else null: one that differs only in
   * case; else the only candidate that {@code given} (at least two characters) is a prefix of,
   * ignoring case; else the closest by {@link #distance} (ignoring case, ties to the alphabetically
   * first) if {@link #plausibleTypo} holds. Null when {@code given} is null.
   */
  public static String closest(String given, Collection<String> candidates) {
    if (given == null) {
      return null;
    }
    for (String c : candidates) {
      if (c.equalsIgnoreCase(given) && !c.equals(given)) {
        return c;
      }
    }
    String g = given.toLowerCase(Locale.ROOT);
    String prefixed = null;
    int prefixCount = 0;
    for (String c : candidates) {
      if (g.length() >= 2 && c.length() > g.length() && lower(c).startsWith(g)) {
        prefixed = c;
        prefixCount++;
      }
    }
    if (prefixCount == 1) {
      return prefixed;
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(g, lower(c));
      if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null && plausibleTypo(given.length(), best.length(), bestDistance) ? best : null;
  }

  /** ", did you mean 'x'?" when {@code given} is plausibly a typo of candidate x, else "". */
  public static String didYouMean(String given, Collection<String> candidates) {
    String best = closest(given, candidates);
    return best == null ? "" : ", did you mean '" + best + "'?";
  }

  /**
   * Whether {@code distance} edits between words of {@code lengthA} and {@code lengthB} characters
   * are few enough to be a typo: at most a third of the longer word (at least 1) and at most half
   * of the shorter. {@code qq} / {@code a} (2 edits) and {@code c} / {@code b} (1 edit of a
   * one-letter word) are not; {@code heet} / {@code heat} and {@code cargoes} / {@code cargo} are.
   */
  static boolean plausibleTypo(int lengthA, int lengthB, int distance) {
    int longer = Math.max(lengthA, lengthB);
    int shorter = Math.min(lengthA, lengthB);
    return distance <= Math.max(1, longer / 3) && 2 * distance <= shorter;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
