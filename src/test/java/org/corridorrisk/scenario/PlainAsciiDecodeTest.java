package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link DocumentReader#plainAscii}, the one-pass reading of printable-ASCII files, gives the text
 * the strict UTF-8 decoder gives, and leaves every other file to it (which reports what is wrong).
 */
class PlainAsciiDecodeTest {
  private static final String PLAIN = " \n\r\t-:abz019{}[]'\"#";

  @Test
  void exampleScenario_isReadTheSameWayByBothPaths() throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of("scenarios/btc-oil.yaml"));
    String fast = DocumentReader.plainAscii(bytes);
    assertNotNull(fast);
    assertEquals(DocumentReader.decodeUtf8(bytes), fast);
  }

  @Test
  void randomBytes_fastPathAgreesWithTheDecoderWheneverItAnswers() throws Exception {
    SplittableRandom random = new SplittableRandom(15);
    int fastAnswers = 0;
    for (int n = 0; n < 4000; n++) {
      byte[] bytes = new byte[random.nextInt(0, 40)];
      for (int i = 0; i < bytes.length; i++) {
        // mostly printable ASCII and line breaks; now and then anything (controls, 0x7f, >= 0x80)
        bytes[i] =
            random.nextInt(20) == 0
                ? (byte) random.nextInt(256)
                : (byte) PLAIN.charAt(random.nextInt(PLAIN.length()));
      }
      String fast = DocumentReader.plainAscii(bytes);
      if (fast == null) {
        continue;
      }
      fastAnswers++;
      assertEquals(DocumentReader.decodeUtf8(bytes), fast);
      assertEquals(new String(bytes, StandardCharsets.UTF_8), fast);
    }
    // both kinds occur: a mean of (19/20)^L over the lengths L = 0..39 (0.44) are all plain
    assertEquals(true, fastAnswers > 400 && fastAnswers < 3600, "fast answers " + fastAnswers);
  }

  @Test
  void everythingButPrintableAsciiAndLineBreaks_takesTheDecoder() {
    for (int b = 0; b < 256; b++) {
      byte[] bytes = {'a', (byte) b, 'z'};
      boolean plain = (b >= 0x20 && b < 0x80) || b == '\n' || b == '\r' || b == '\t';
      if (plain) {
        assertEquals("a" + (char) b + "z", DocumentReader.plainAscii(bytes), "byte " + b);
      } else {
        assertNull(DocumentReader.plainAscii(bytes), "byte " + b);
      }
    }
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
    assertNull(DocumentReader.plainAscii(bom));
  }

  @Test
  void aControlCharacter_isStillReportedByTheDecoder() {
    byte[] bytes = "a: 1\nb: \u0001\n".getBytes(StandardCharsets.US_ASCII);
    assertNull(DocumentReader.plainAscii(bytes));
    DocumentReader.Fatal f =
        assertThrows(DocumentReader.Fatal.class, () -> DocumentReader.decode(bytes));
    assertEquals("control character U+0001 is not allowed in a scenario file", f.getMessage());
  }
}
