package org.corridorrisk.scenario;

import static org.corridorrisk.scenario.TestFiles.problems;
import static org.corridorrisk.scenario.TestFiles.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every place in a scenario that offers "did you mean" keeps a plausible typo's suggestion and
 * drops one that is no typo: {@code qq} is two edits from the one-letter ids and from {@code id},
 * {@code xy} two from {@code any}, and all of those used to be suggested.
 */
class DidYouMeanTest {
  private static final String FILE =
      """
      format: corridor-risk/v1
      name: t
      horizon_days: 30
      start_date: 2023-10-01
      profiles:
        - {id: a, monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}
        - {id: heat, monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}
      commodities:
        - id: gas
      nodes:
        - {id: a, kind: source, commodity: gas, supply: 10, supply_profile: PROFILE}
        - {id: ceyhan, kind: sink, commodity: gas, demand: 5, KEY: 1}
      links:
        - {id: l, from: a, to: TO, commodity: gas, capacity: 10}
        - {id: pipeline, from: a, to: ceyhan, commodity: gas, capacity: 10}
      threats:
        - {id: t, model: poisson, events_per_year: 1, targets: {links: [l]},
           repair_days: {dist: fixed, value: 3}}
      mitigations:
        - id: m
          cost: 1
          changes:
            - {link: TARGET, set: {capacity: 20}}
        - {id: more-storage, cost: 2, changes: [{link: l, set: {capacity: 30}}]}
      sharing: SHARING
      """;

  /** FILE with each placeholder filled in: all valid but the one given. */
  private static String with(String placeholder, String value) {
    String text = FILE;
    for (String[] p :
        new String[][] {
          {"PROFILE", "heat"},
          {"KEY", "population"},
          {"TO", "ceyhan"},
          {"TARGET", "pipeline"},
          {"SHARING", "fair"}
        }) {
      text = replace(text, p[0], p[0].equals(placeholder) ? value : p[1]);
    }
    return text;
  }

  private static String only(String text) {
    List<String> found = problems(text);
    assertEquals(1, found.size(), found.toString());
    return found.get(0);
  }

  @Test
  void theFileIsValid() {
    assertEquals(List.of(), problems(with("none", "")));
  }

  @Test
  void nodeReference() {
    assertEquals(
        "t.yaml:14:26: links[0].to: unknown node 'ceyhn', did you mean 'ceyhan'? (link 'l')",
        only(with("TO", "ceyhn")));
    assertEquals("t.yaml:14:26: links[0].to: unknown node 'qq' (link 'l')", only(with("TO", "qq")));
  }

  @Test
  void profileReference() {
    assertEquals(
        "t.yaml:11:71: nodes[0].supply_profile: unknown profile 'heet' (did you mean 'heat'?)"
            + " (node 'a')",
        only(with("PROFILE", "heet")));
    assertEquals(
        "t.yaml:11:71: nodes[0].supply_profile: unknown profile 'qq' (defined: a, heat)"
            + " (node 'a')",
        only(with("PROFILE", "qq")));
  }

  @Test
  void patchTarget() {
    assertEquals(
        "t.yaml:23:16: mitigations[0].changes[0].link: unknown link 'pipelin', did you mean"
            + " 'pipeline'? (mitigation 'm')",
        only(with("TARGET", "pipelin")));
    assertEquals(
        "t.yaml:23:16: mitigations[0].changes[0].link: unknown link 'qq' (mitigation 'm')",
        only(with("TARGET", "qq")));
  }

  @Test
  void unknownKey() {
    assertEquals(
        "t.yaml:12:57: nodes[1].populaton: unknown key, did you mean 'population'?"
            + " (node 'ceyhan')",
        only(with("KEY", "populaton")));
    assertEquals(
        "t.yaml:12:57: nodes[1].qq: unknown key; expected one of: ",
        only(with("KEY", "qq")).substring(0, 57));
  }

  @Test
  void enumValue() {
    assertEquals(
        "t.yaml:25:10: sharing: must be one of fair, any, was 'fiar', did you mean 'fair'?",
        only(with("SHARING", "fiar")));
    assertEquals(
        "t.yaml:25:10: sharing: must be one of fair, any, was 'xy'", only(with("SHARING", "xy")));
  }

  @Test
  void mitigationOfAVariant() throws Exception {
    LoadedScenario loaded = TestFiles.load(with("none", ""));
    ScenarioException kept =
        assertThrows(ScenarioException.class, () -> loaded.variant(List.of("more-storag")));
    assertEquals(
        "mitigations: no mitigation 'more-storag', did you mean 'more-storage'?",
        kept.problems().get(0).path() + ": " + kept.problems().get(0).message());
    ScenarioException dropped =
        assertThrows(ScenarioException.class, () -> loaded.variant(List.of("qq")));
    assertEquals(
        "mitigations: no mitigation 'qq' (declared: m, more-storage)",
        dropped.problems().get(0).path() + ": " + dropped.problems().get(0).message());
  }
}
