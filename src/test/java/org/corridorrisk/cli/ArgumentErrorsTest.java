package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Command-line mistakes are explained in words, with the closest command or option. */
class ArgumentErrorsTest {
  private String err;

  private int run(String... args) {
    Cli cli = Cli.run(args);
    err = cli.err().replace("\r\n", "\n");
    return cli.code();
  }

  @Test
  void mistypedCommand_suggestsTheClosestOne() {
    assertEquals(2, run("runn", "scenarios/btc-oil.yaml"));
    assertEquals(
        "corridor-risk: 'runn' is not a command; did you mean 'corridor-risk run'?\n"
            + "Commands: validate, describe, run, compare, criticality, exercise, import, bench, help.\n"
            + "Try 'corridor-risk --help' for usage.\n",
        err);
    assertEquals(2, run("valdate", "x.yaml"));
    assertEquals(
        "corridor-risk: 'valdate' is not a command; did you mean 'corridor-risk validate'?",
        err.lines().findFirst().orElseThrow());
  }

  @Test
  void wordForWhatACommandDoes_namesThatCommand_notTheNearestSpelling() {
    assertEquals(2, run("report", "out/btc-oil"));
    String first = err.lines().findFirst().orElseThrow();
    assertEquals(
        "corridor-risk: 'report' is not a command; 'run' writes the report (report.html in its"
            + " --out folder), 'compare' writes compare.html",
        first);
    assertFalse(err.contains("did you mean"), err);
  }

  @Test
  void unrelatedWord_suggestsNothingButListsTheCommands() {
    assertEquals(2, run("foo"));
    assertEquals("corridor-risk: 'foo' is not a command", err.lines().findFirst().orElseThrow());
    assertFalse(err.contains("did you mean"), err);
  }

  @Test
  void badNumber_saysWhatIsExpected() {
    assertEquals(2, run("run", "scenarios/btc-oil.yaml", "--seed", "abc"));
    assertEquals(
        "corridor-risk: --seed expects a whole number (e.g. --seed 42) but got 'abc'\n"
            + "Try 'corridor-risk run --help' for usage.\n",
        err);
    assertEquals(2, run("run", "scenarios/btc-oil.yaml", "--trials", "1.5"));
    assertEquals(
        "corridor-risk: --trials expects a whole number (e.g. --trials 20000) but got '1.5'",
        err.lines().findFirst().orElseThrow());
    assertEquals(2, run("compare", "scenarios/btc-oil.yaml", "--target-ci", "one"));
    assertEquals(
        "corridor-risk: --target-ci expects a number (e.g. --target-ci 0.01) but got 'one'",
        err.lines().findFirst().orElseThrow());
  }

  @Test
  void aWholeNumberTooLargeForTheOption_isCalledTooLarge_notANonNumber() {
    // '99999999999' is a whole number: saying the option expects one (and got it) misleads
    assertEquals(2, run("criticality", "scenarios/btc-oil.yaml", "--budget", "99999999999"));
    assertEquals(
        "corridor-risk: --budget 99999999999 is too large: at most 2,147,483,647",
        err.lines().findFirst().orElseThrow());
    assertEquals(2, run("run", "scenarios/btc-oil.yaml", "--threads", "-99999999999"));
    assertEquals(
        "corridor-risk: --threads -99999999999 is too small: at least -2,147,483,648",
        err.lines().findFirst().orElseThrow());
    assertEquals(2, run("run", "scenarios/btc-oil.yaml", "--seed", "99999999999999999999"));
    assertEquals(
        "corridor-risk: --seed 99999999999999999999 is too large: at most"
            + " 9,223,372,036,854,775,807",
        err.lines().findFirst().orElseThrow());
  }

  @Test
  void aSwitchGivenAValue_saysItTakesNone_withoutInternalNames() {
    assertEquals(2, run("run", "scenarios/btc-oil.yaml", "--quiet=maybe"));
    assertEquals(
        "corridor-risk: --quiet is a switch: give it alone, without a value (got 'maybe')",
        err.lines().findFirst().orElseThrow());
    assertEquals(2, run("criticality", "scenarios/btc-oil.yaml", "--include-sinks=2"));
    assertEquals(
        "corridor-risk: --include-sinks is a switch: give it alone, without a value (got '2')",
        err.lines().findFirst().orElseThrow());
  }

  @Test
  void aPercentileThatIsNoNumber_getsAPercentileAsTheExample() {
    assertEquals(2, run("exercise", "scenarios/btc-oil.yaml", "--percentile", "p95"));
    assertEquals(
        "corridor-risk: --percentile expects a number (e.g. --percentile 95) but got 'p95'",
        err.lines().findFirst().orElseThrow());
  }

  @Test
  void mistypedOption_suggestsTheClosestOption() {
    assertEquals(2, run("run", "scenarios/btc-oil.yaml", "--trails", "10"));
    assertEquals(
        "corridor-risk: unknown option '--trails' for 'corridor-risk run'; did you mean '--trials'?",
        err.lines().findFirst().orElseThrow());
  }

  @Test
  void optionOfOneLetter_isNoTypoOfALongerOne() {
    // the dashes are not part of the word: '--o' is one letter, and it used to get '--out'
    assertEquals(2, run("run", "scenarios/btc-oil.yaml", "--o", "x"));
    assertEquals(
        "corridor-risk: unknown option '--o' for 'corridor-risk run'",
        err.lines().findFirst().orElseThrow());
    assertEquals(2, run("run", "scenarios/btc-oil.yaml", "-seed", "1"));
    assertEquals(
        "corridor-risk: unknown option '-seed' for 'corridor-risk run'; did you mean '--seed'?",
        err.lines().findFirst().orElseThrow());
  }

  @Test
  void importWithoutAFile_asksForANetworkFile() {
    // import reads a network file (GasLib, Matrix Market, GraphML), not a scenario
    assertEquals(2, run("import", "--out", "x.yaml"));
    assertEquals(
        "corridor-risk: 'corridor-risk import' needs a network FILE to import (e.g."
            + " data/gaslib/GasLib-11.zip)",
        err.lines().findFirst().orElseThrow());
  }

  @Test
  void missingFileAndExtraArgument_areNamed() {
    assertEquals(2, run("run"));
    assertEquals(
        "corridor-risk: 'corridor-risk run' needs a scenario FILE (e.g. scenarios/btc-oil.yaml)",
        err.lines().findFirst().orElseThrow());
    assertEquals(2, run("run", "a.yaml", "b.yaml"));
    assertEquals(
        "corridor-risk: unexpected argument 'b.yaml': 'corridor-risk run' takes one FILE"
            + " (options start with --)",
        err.lines().findFirst().orElseThrow());
  }

  @Test
  void noJavaJargonInAnyOfTheseMessages() {
    for (String[] args :
        List.of(
            new String[] {"runn", "x"},
            new String[] {"run", "x", "--seed", "abc"},
            new String[] {"run", "x", "--threads", "two"},
            new String[] {"criticality", "x", "--budget", "2.5"})) {
      run(args);
      for (String jargon : List.of("is not a long", "is not an int", "Unmatched", "index 0")) {
        assertFalse(err.contains(jargon), String.join(" ", args) + ": " + err);
      }
    }
  }

  @Test
  void closest_prefersSmallEditsAndUniquePrefixes() {
    List<String> commands = List.of("validate", "describe", "run", "compare", "criticality");
    // "crit" is a prefix of criticality only; "comapre" is one swap from compare
    assertEquals("criticality", ArgumentErrors.closest("crit", commands));
    assertEquals("compare", ArgumentErrors.closest("comapre", commands));
    assertEquals("describe", ArgumentErrors.closest("descibe", commands));
    assertNull(ArgumentErrors.closest("xyz", commands));
    assertEquals("run", ArgumentErrors.closest("rn", commands));
    assertNull(ArgumentErrors.closest("qq", commands));
    assertNull(ArgumentErrors.closest("bxnxh", List.of("bench", "run")), "two of five wrong");
    List<String> options = List.of("-s", "--seed", "--out", "--trials");
    assertEquals("--seed", ArgumentErrors.closest("--sed", options));
    assertEquals("-s", ArgumentErrors.closest("--s", options));
    assertNull(ArgumentErrors.closest("--o", options));
  }
}
