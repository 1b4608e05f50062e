package org.corridorrisk.model;

import java.util.Collection;

/** Closest-spelling suggestions for misspelt keys and ids. */
public final class Spelling {
  private Spelling() {}

  /**
   * The candidate closest to {@code given}: one that differs only in case ({@code FAIR} for {@code
   * fair}), else the closest by edit distance if within max(2, length/3); else null.
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
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(given, c);
      if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
        best = c;
        bestDistance = d;
      }
    }
    int limit = Math.max(2, given.length() / 3);
    return bestDistance <= limit ? best : null;
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
