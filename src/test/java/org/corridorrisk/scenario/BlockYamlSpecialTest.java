package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockYaml#special} against its definition (the word's lower case is a YAML 1.1 or 1.2
 * boolean or null): equal on ASCII words, and never false where the definition says true (a word it
 * wrongly calls special only goes to the full reader).
 */
class BlockYamlSpecialTest {
  private static boolean byDefinition(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "y", "n", "yes", "no", "on", "off", "true", "false", "null" -> true;
      default -> false;
    };
  }

  @Test
  void everyCapitalizationOfTheSpecialWords_isSpecial() {
    for (String w : new String[] {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}) {
      for (int mask = 0; mask < 1 << w.length(); mask++) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
          char c = w.charAt(i);
          b.append((mask >> i & 1) == 1 ? Character.toUpperCase(c) : c);
        }
        assertTrue(BlockYaml.special(b.toString()), b.toString());
      }
    }
  }

  @Test
  void asciiWords_agreeWithTheDefinition_andOtherWordsNeverMissASpecialOne() {
    Random random = new Random(7); // test data only
    String letters = "ynesofftrualNYESOFTRUAL0123456789-_.kK";
    char[] other = {'\u017f', '\u0130', '\u0131', '\u212a', '\u00e9', '\uff59', '\u0178'};
    int special = 0;
    for (int round = 0; round < 200_000; round++) {
      int length = 1 + random.nextInt(5);
      StringBuilder b = new StringBuilder();
      boolean ascii = random.nextInt(4) != 0;
      for (int i = 0; i < length; i++) {
        b.append(
            ascii || random.nextBoolean()
                ? letters.charAt(random.nextInt(letters.length()))
                : other[random.nextInt(other.length)]);
      }
      String w = b.toString();
      boolean expected = byDefinition(w);
      special += expected ? 1 : 0;
      if (w.chars().allMatch(c -> c < 0x80)) {
        assertEquals(expected, BlockYaml.special(w), w);
      } else if (expected) {
        assertTrue(BlockYaml.special(w), w);
      }
    }
    assertTrue(special > 100, "special words drawn: " + special);
  }

  @Test
  void everyFirstCharacter_thatMakesASpecialWord_isRecognized() {
    String[] tails = {"", "es", "o", "n", "ff", "rue", "ull", "alse", "ES", "RUE"};
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      for (String tail : tails) {
        String w = c + tail;
        if (byDefinition(w)) {
          assertTrue(BlockYaml.special(w), w);
        }
      }
    }
  }
}
