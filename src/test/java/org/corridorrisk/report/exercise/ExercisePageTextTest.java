package org.corridorrisk.report.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text the user wrote (scenario name and description, ids, region labels) inside the exercise page:
 * the embedded data stays valid JSON that decodes to the same text, and nothing in it ends or
 * comments out the page's script elements.
 */
class ExercisePageTextTest {
  static final String DESCRIPTION =
      "Note <!-- not a comment --> </script><script>alert(1)</script> & \"__JS__\" Şəmkir–Ağstafa";

  /** A copy of the decisions example with the description above and a region label. */
  static Path scenario(Path dir) throws Exception {
    Path source =
        Path.of(ExercisePageTextTest.class.getResource("/exercise/decisions.yaml").toURI());
    String yaml = Files.readString(source);
    Matcher m = Pattern.compile("(?m)^description:.*$").matcher(yaml);
    String line = "description: '" + DESCRIPTION.replace("'", "''") + "'";
    yaml = m.find() ? m.replaceFirst(Matcher.quoteReplacement(line)) : line + "\n" + yaml;
    Path file = dir.resolve("decisions-text.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  static String embeddedData(String html) {
    Matcher m =
        Pattern.compile(
                "<script type=\"application/json\" id=\"exercise-data\">([\\s\\S]*?)</script>")
            .matcher(html);
    assertTrue(m.find(), "the data element");
    return m.group(1);
  }

  @Test
  void embeddedData_isValidJsonWithTheUsersText_andHoldsNoMarkup(@TempDir Path dir)
      throws Exception {
    Path html = ExerciseBrowserTest.page(dir, scenario(dir), 40, 90, null);
    String page = Files.readString(html);
    String data = embeddedData(page);
    assertFalse(data.contains("<"), "no '<' inside the script element");
    JsonNode parsed = new ObjectMapper().readTree(data); // strict JSON: "\!" would fail here
    assertEquals(DESCRIPTION, parsed.path("description").asText());
    // the page's own script follows the data element intact
    assertTrue(page.contains("JSON.parse(document.getElementById('exercise-data')"));
    assertEquals(1, page.split("<script type=\"application/json\"", -1).length - 1);
  }

  @Test
  void placeholderNames_inTheUsersText_stayText() {
    String json = "{\"description\":\"__JS__ __CSS__ </script>\"}";
    String safe = ExercisePage.scriptSafe(json);
    assertEquals("{\"description\":\"__JS__ __CSS__ \\u003c/script\\u003e\"}", safe);
  }

  @Test
  void pageWithCommentMarkerInTheDescription_rendersInTheBrowser(@TempDir Path dir)
      throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(ExerciseBrowserTest.CHROMIUM), "chromium not installed");
    Path html = ExerciseBrowserTest.page(dir, scenario(dir), 40, 90, null);
    ExerciseBrowserTest.Rendered r = ExerciseBrowserTest.dump(dir, html, "#step=0");
    ExerciseBrowserTest.assertClean(r);
    assertTrue(
        ExerciseBrowserTest.element(r.dom(), "daylabel").startsWith("Day 0 "),
        "the script ran and drew the day label");
  }
}
