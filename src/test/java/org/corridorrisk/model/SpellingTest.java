package org.corridorrisk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one "did you mean" rule: a suggestion only when the word is plausibly a typo of it. */
class SpellingTest {
  @Test
  void shortWords_areNotTyposOfEveryShortId() {
    // these all used to be suggested: two edits were allowed whatever the lengths
    assertNull(Spelling.closest("qq", List.of("a", "heat")));
    assertNull(Spelling.closest("c", List.of("a", "b")));
    assertNull(Spelling.closest("xy", List.of("any", "fair")));
    assertNull(Spelling.closest("qq", List.of("id", "kind", "demand")));
    assertNull(Spelling.closest("a2", List.of("a", "b")));
  }

  @Test
  void typos_areStillSuggested() {
    assertEquals("heat", Spelling.closest("heet", List.of("a", "heat")));
    assertEquals("fair", Spelling.closest("fiar", List.of("fair", "any")));
    assertEquals("cargo", Spelling.closest("cargoes", List.of("heat", "cargo")));
    assertEquals("demand", Spelling.closest("demnd", List.of("id", "kind", "demand")));
    assertEquals("more-storage", Spelling.closest("more-storag", List.of("m", "more-storage")));
    assertEquals("run", Spelling.closest("rn", List.of("run", "compare")));
  }

  @Test
  void caseOnlyDifferences_areAlwaysSuggested() {
    assertEquals("b", Spelling.closest("B", List.of("a", "b")));
    assertEquals("fair", Spelling.closest("FAIR", List.of("fair", "any")));
  }

  @Test
  void aPrefixOfExactlyOneCandidate_isSuggested() {
    assertEquals("criticality", Spelling.closest("crit", List.of("compare", "criticality")));
    assertNull(Spelling.closest("c", List.of("compare", "criticality")));
    assertNull(Spelling.closest("co", List.of("compare", "completion")));
  }

  @Test
  void plausibleTypo_weighsTheEditsAgainstBothWords() {
    assertTrue(Spelling.plausibleTypo(4, 4, 1));
    assertFalse(Spelling.plausibleTypo(2, 1, 2), "qq / a");
    assertFalse(Spelling.plausibleTypo(1, 1, 1), "c / b: the whole word replaced");
    assertFalse(Spelling.plausibleTypo(5, 5, 2), "two of five letters wrong");
    assertTrue(Spelling.plausibleTypo(6, 6, 2));
    assertTrue(Spelling.plausibleTypo(21, 16, 5), "a long key missing a word");
  }

  @Test
  void didYouMean_isEmptyWithoutAPlausibleTypo() {
    assertEquals(", did you mean 'heat'?", Spelling.didYouMean("heet", List.of("a", "heat")));
    assertEquals("", Spelling.didYouMean("qq", List.of("a", "heat")));
  }
}
