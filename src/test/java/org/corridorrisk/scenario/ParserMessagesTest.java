package org.corridorrisk.scenario;

import static org.corridorrisk.scenario.TestFiles.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Syntax errors say what is wrong in the planner's terms, at {@code FILE:LINE:COLUMN}: no parser
 * feature flags, source descriptions, character codes or event class names.
 */
class ParserMessagesTest {
  private static void assertJson(String text, String expected) {
    assertEquals(List.of(expected), problems("t.json", text));
  }

  private static void assertYaml(String text, String expected) {
    assertEquals(List.of(expected), problems("t.yaml", text));
  }

  @Test
  void truncatedJson_namesWhereTheOpenObjectStarts() {
    assertJson(
        "{\"format\": \"corridor-risk/v1\",\n \"nodes\": [\n  {\"id\": \"a\",\n",
        "t.json:4:1: JSON syntax error: the file ends inside an object that starts at line 3,"
            + " column 3 (a closing '}' is missing)");
    assertJson(
        "{\"nodes\": [1, 2",
        "t.json:1:16: JSON syntax error: the file ends inside an array that starts at line 1,"
            + " column 11 (a closing ']' is missing)");
    assertJson(
        "{\"format\": \"corridor-risk/v1\",\n \"nodes\": [1,\n",
        "t.json:3:1: JSON syntax error: the file ends inside an array that starts at line 2,"
            + " column 11 (a closing ']' is missing)");
    assertJson(
        "{\"name\": \"a\tb\"}",
        "t.json:1:12: JSON syntax error: a tab inside a string must be written \\t");
    assertJson(
        "{\"name\": \"abc",
        "t.json:1:14: JSON syntax error: the file ends inside a string (a closing '\"' is"
            + " missing)");
  }

  @Test
  void nonNumericNumbers() {
    assertJson(
        "{\"horizon_days\": NaN}",
        "t.json:1:21: JSON syntax error: NaN is not a number JSON allows");
    assertJson(
        "{\"horizon_days\": -Infinity}",
        "t.json:1:27: JSON syntax error: -Infinity is not a number JSON allows");
  }

  @Test
  void comments() {
    assertJson(
        "{\"horizon_days\": 3 // days\n}",
        "t.json:1:20: JSON syntax error: JSON does not allow comments (use YAML for comments)");
    assertJson(
        "{\"horizon_days\": 3 # days\n}",
        "t.json:1:20: JSON syntax error: JSON does not allow comments (use YAML for comments)");
  }

  @Test
  void commasQuotesAndWords() {
    assertJson(
        "{\"horizon_days\": 3,}",
        "t.json:1:20: JSON syntax error: expected a key in double quotes but found '}' (JSON"
            + " allows no comma after the last entry, nor two commas in a row)");
    assertJson(
        "{'horizon_days': 3}",
        "t.json:1:2: JSON syntax error: expected a key in double quotes but found a single quote"
            + " (JSON keys take double quotes)");
    assertJson(
        "{\"name\": abc}",
        "t.json:1:13: JSON syntax error: 'abc' is not a JSON value (strings take double quotes;"
            + " the only words are true, false and null)");
    assertJson(
        "{\"a\": 1 \"b\": 2}",
        "t.json:1:9: JSON syntax error: expected ',' or '}' after a value but found '\"'");
    assertJson(
        "{\"a\": 1]",
        "t.json:1:8: JSON syntax error: unexpected ']': the object that starts at line 1, column 1"
            + " ends with '}'");
    assertJson("{\"a\": +1}", "t.json:1:8: JSON syntax error: a JSON number cannot start with '+'");
  }

  @Test
  void complexYamlKey() {
    assertYaml(
        "format: corridor-risk/v1\n? [a, b]\n: c\n",
        "t.yaml:2:4: YAML syntax error: a mapping key must be a plain value, not a list or"
            + " mapping");
    assertYaml(
        "format: corridor-risk/v1\n? {a: 1}\n: c\n",
        "t.yaml:2:4: YAML syntax error: a mapping key must be a plain value, not a list or"
            + " mapping");
  }

  @Test
  void noParserInternals_inAnyOfManyBrokenFiles() {
    String[] json = {
      "{\"a\": [1, 2",
      "{\"a",
      "{\"a\": 1,",
      "{\"a\": Infinity}",
      "{\"a\": 1 /* c */}",
      "{\"a\": 'x'}",
      "[1, 2,]",
      "{\"a\" 1}",
      "[1 2]",
      "{\"a\": \"x\ty\"}",
      "{\"a\": 01}",
      "[1}",
      "{\"a\": .5}",
      "{\"a\": 1.}",
      "{\"a\": \"\\q\"}",
      "{\"a\": 0x10}",
      "}",
      "{\"a\": \"\\u12\"}"
    };
    for (String text : json) {
      for (String line : problems("t.json", text)) {
        assertFalse(
            line.matches(".*(Feature|REDACTED|Source:|\\(code \\d|org\\.|`|Exception).*"), line);
      }
    }
  }
}
