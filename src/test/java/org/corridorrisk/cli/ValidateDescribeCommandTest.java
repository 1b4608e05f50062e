package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateDescribeCommandTest {
  private static final String FULL = "src/test/resources/scenario/full.yaml";

  @Test
  void validate_goodFile_exitsZeroWithAnOkLine() {
    Cli r = Cli.run("validate", FULL);
    assertEquals(0, r.code());
    assertEquals(FULL + ": ok (7 nodes, 6 links, 3 threats, 2 mitigations)\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void validate_okLineAndSizeProblems_sayOneInTheSingular() {
    Cli ok = Cli.run("validate", "src/test/resources/golden/reroute-fair.yaml");
    assertEquals(0, ok.code(), ok.err());
    assertEquals(
        "src/test/resources/golden/reroute-fair.yaml: ok (3 nodes, 4 links, 1 threat,"
            + " 0 mitigations)\n",
        ok.out());
  }

  @Test
  void validate_fiveFaults_printsAllFiveOnStderrAndExitsTwo(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("five.yaml");
    Files.copy(Path.of("src/test/resources/broken/five-faults.yaml"), f);
    Cli r = Cli.run("validate", f.toString());
    assertEquals(2, r.code());
    assertEquals(
        f
            + ":10:13: nodes[0].supply: must be >= 0, was -5 (node 'src')\n"
            + f
            + ":15:9: nodes[2].id: duplicate id 'src' (first used at line 7, nodes[0])\n"
            + f
            + ":18:5: nodes[2].suply: unknown key, did you mean 'supply'? (node 'src')\n"
            + f
            + ":27:9: links[1].to: unknown node 'nowhere' (link 'l2')\n"
            + f
            + ":33:18: threats[0].probability: must be <= 1, was 1.7 (threat 't')\n",
        r.err());
    assertFalse(r.err().contains("Exception"));
  }

  @Test
  void validate_reportsEveryFile_andExitsTwoIfAnyIsBad(@TempDir Path dir) {
    Path missing = dir.resolve("missing.yaml");
    Cli r = Cli.run("validate", FULL, missing.toString());
    assertEquals(2, r.code());
    assertTrue(r.out().startsWith(FULL + ": ok"));
    assertEquals(missing + ": no such file\n", r.err());
  }

  @Test
  void validate_yamlSyntaxError_exitsTwoWithLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "format: corridor-risk/v1\nnodes:\n  - id: a\n   kind: b\n");
    Cli r = Cli.run("validate", f.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith(f + ":4:4: YAML syntax error"), r.err());
  }

  @Test
  void validate_withoutFile_isABadArgument() {
    assertEquals(2, Cli.run("validate").code());
  }

  @Test
  void describe_printsCountsThreatsMitigationsAndWarnings() {
    Cli r = Cli.run("describe", FULL);
    assertEquals(0, r.code(), r.err());
    String out = r.out();
    assertTrue(
        out.contains(
            "gas (mcm/d): 5 nodes (1 source, 2 sinks, 1 junction, 1 storage), 5 links (3 pipelines, 2 others)"),
        out);
    assertTrue(out.contains("supply 80 mcm/d against demand 20 mcm/d"), out);
    // storage is a volume: the flow unit without its per-day part
    assertTrue(out.contains("storage: inventory 500 mcm, withdrawal up to 20 mcm/d"), out);
    assertTrue(out.contains("scp-row: scp, scp-loop"), out);
    assertTrue(out.contains("expected 0.49 attempts and 0.30 successful hits over 90 days"), out);
    assertTrue(out.contains("targets (2): scp, tanap-east"), out);
    assertTrue(out.contains("more-storage (cost 40,000,000 USD)"), out);
    assertTrue(
        out.contains(
            "gas: sink tr-households has a single supply path: losing any one of link tanap-east, "
                + "node tbilisi cuts it off from every source and storage"),
        out);
    assertTrue(out.contains("gas: losing link tanap-east alone cuts tr-households"), out);
    assertFalse(out.contains("losing link scp alone"), "scp has a parallel loop: " + out);
  }

  @Test
  void describe_oneAttemptPerYear_isSingular() {
    Cli r = Cli.run("describe", "scenarios/caspian-energy-and-transport.yaml");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("corridor-attack (poisson, 1 attempt per year,"), r.out());
    assertTrue(r.out().contains("pipeline-sabotage (poisson, 2 attempts per year,"), r.out());
    assertFalse(r.out().contains(" 1 attempts"), r.out());
  }

  @Test
  void describe_invalidFile_exitsTwoWithProblems(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("five.yaml");
    Files.copy(Path.of("src/test/resources/broken/five-faults.yaml"), f);
    Cli r = Cli.run("describe", f.toString());
    assertEquals(2, r.code());
    assertTrue(
        r.err().contains(f + ":33:18: threats[0].probability: must be <= 1, was 1.7 (threat 't')"),
        r.err());
  }

  private static final String HAZARD =
      """
      format: corridor-risk/v1
      name: base
      horizon_days: 30
      commodities:
        - {id: gas, unit: mcm/d}
      nodes:
        - {id: src, kind: source, commodity: gas, supply: 5632.9, location: {lat: 40, lon: 45}}
        - {id: mid, kind: junction, commodity: gas, location: {lat: 41, lon: 44}}
        - {id: snk, kind: sink, commodity: gas, demand: 4694, population: 1200000}
      links:
        - {id: l1, from: src, to: mid, commodity: gas, kind: pipeline, capacity: 10000}
        - {id: l2, from: mid, to: snk, commodity: gas, kind: pipeline, capacity: 10000}
        - {id: l3, from: src, to: mid, commodity: gas, kind: rail, capacity: 10}
      threats:
        - id: quake
          model: hazard
          events_per_year: 0.5
          epicenter: {lat: 40, lon: 45}
          intensity: {at_epicenter: 0.5, halving_km: 25}
          targets: {links: [l1, l2, l3]}
          fragility:
            - {kinds: [pipeline], median: 0.6, beta: 0.5}
          repair_days: {dist: fixed, value: 3}
      """;

  @Test
  void describe_groupsThousandsWithCommasThroughout(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("h.yaml");
    Files.writeString(f, HAZARD);
    Cli r = Cli.run("describe", f.toString());
    assertEquals(0, r.code(), r.err());
    // 5632.9 to 4 digits and 4694 in the same style (was "5633 ... 4 694")
    assertTrue(r.out().contains("supply 5,633 mcm/d against demand 4,694 mcm/d"), r.out());
    assertTrue(r.out().contains("people served: 1,200,000"), r.out());
    assertFalse(r.out().matches("(?s).*\\d \\d{3}\\b.*"), r.out());
  }

  @Test
  void describe_marksHazardTargetsItCannotDamage_andShowsValidatesWarnings(@TempDir Path dir)
      throws IOException {
    Path f = dir.resolve("h.yaml");
    Files.writeString(f, HAZARD);
    Cli validate = Cli.run("validate", f.toString());
    assertEquals(0, validate.code(), validate.err());
    Cli r = Cli.run("describe", f.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("    targets (3): l1, l2, l3\n"), r.out());
    assertTrue(
        r.out()
            .contains(
                "    not damaged by this hazard (2 of 3): l3 (no fragility entry for their kind);"
                    + " l2 (no location; a link needs both ends located)\n"),
        r.out());
    String warnings = r.out().substring(r.out().indexOf("\nWarnings"));
    for (String line : validate.err().split("\\R")) {
      assertTrue(line.contains("warning: "), line);
      assertTrue(warnings.contains("  " + line + "\n"), line + "\n" + r.out());
    }
    assertEquals(2, validate.err().split("\\R").length, validate.err());
  }
}
