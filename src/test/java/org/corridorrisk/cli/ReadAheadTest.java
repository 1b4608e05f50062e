package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corridorrisk.scenario.LoadedScenario;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-ahead of a run's scenario: which argument it reads, that the command takes its scenario
 * only for the very path and only when it loaded without a problem, and that every other case is
 * loaded again by the command (same problems as without it).
 */
class ReadAheadTest {
  @TempDir Path tmp;

  private static final String VALID =
      """
      format: corridor-risk/v1
      name: read-ahead
      horizon_days: 10
      commodities:
        - id: gas
          unit: mcm/d
      nodes:
        - id: a
          kind: source
          commodity: gas
          supply: 10
        - id: b
          kind: sink
          commodity: gas
          demand: 5
      links:
        - id: l
          from: a
          to: b
          commodity: gas
          capacity: 10
      threats:
        - id: t
          model: independent
          probability: 0.1
          targets:
            links:
              - l
          repair_days:
            dist: fixed
            value: 2
      """;

  @AfterEach
  void forget() {
    ReadAhead.clear();
  }

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void candidate_isTheFirstScenarioFileAfterRun() throws IOException {
    Path f = write("s.yaml", VALID);
    Path g = write("t.YML", VALID);
    String fs = f.toString();
    assertEquals(f, ReadAhead.candidate(new String[] {"run", fs}));
    assertEquals(f, ReadAhead.candidate(new String[] {"run", "--trials", "5", fs, "--quiet"}));
    assertEquals(g, ReadAhead.candidate(new String[] {"run", "--out", "dir", g.toString()}));
    assertEquals(f, ReadAhead.candidate(new String[] {"run", "--seed=3", fs, g.toString()}));
    assertNull(ReadAhead.candidate(new String[] {"validate", fs}));
    assertNull(ReadAhead.candidate(new String[] {"compare", fs}));
    assertNull(ReadAhead.candidate(new String[] {"run", "--trials", "5"}));
    assertNull(ReadAhead.candidate(new String[] {"run", tmp.resolve("missing.yaml").toString()}));
    assertNull(ReadAhead.candidate(new String[] {"run", tmp.toString() + "/"}));
    assertNull(ReadAhead.candidate(new String[] {"run", tmp.toString()}));
    assertNull(ReadAhead.candidate(new String[] {"run"}));
    assertNull(ReadAhead.candidate(new String[] {}));
  }

  @Test
  void load_takesTheReadAheadsScenario_forThatPath() throws Exception {
    Path f = write("s.yaml", VALID);
    ReadAhead.start(new String[] {"run", f.toString(), "--trials", "3"});
    LoadedScenario first = ReadAhead.load(f); // waits for the read-ahead
    assertEquals("read-ahead", first.baseline().name());
    // taken once: a second load of the same path reads the file again
    Files.writeString(f, VALID.replace("name: read-ahead", "name: again"));
    assertEquals("again", ReadAhead.load(f).baseline().name());
  }

  @Test
  void load_ofTheReadPath_doesNotReadTheFileAgain() throws Exception {
    Path f = write("s.yaml", VALID);
    ReadAhead.start(new String[] {"run", f.toString()});
    // let the read-ahead finish, then change the file: the scenario is the one read ahead
    awaitReadAhead(f);
    Files.writeString(f, VALID.replace("name: read-ahead", "name: changed"));
    assertEquals("read-ahead", ReadAhead.load(f).baseline().name());
  }

  @Test
  void load_ofAnotherPath_readsThatPath() throws Exception {
    Path f = write("s.yaml", VALID);
    Path g = write("g.yaml", VALID.replace("name: read-ahead", "name: other"));
    ReadAhead.start(new String[] {"run", f.toString()});
    assertEquals("other", ReadAhead.load(g).baseline().name());
  }

  @Test
  void aProblemInTheFile_isReportedByTheCommandsOwnLoad() throws Exception {
    Path f = write("bad.yaml", VALID.replace("capacity: 10", "capacity: -1"));
    ScenarioException direct = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
    ReadAhead.start(new String[] {"run", f.toString()});
    ScenarioException viaReadAhead = assertThrows(ScenarioException.class, () -> ReadAhead.load(f));
    assertEquals(direct.getMessage(), viaReadAhead.getMessage());
    assertEquals(problems(direct), problems(viaReadAhead));
    // and the command line says it as before: FILE:LINE:COLUMN, exit code 2
    Cli cli = Cli.run("run", f.toString(), "--trials", "1", "--out", tmp.resolve("o").toString());
    assertEquals(2, cli.code());
    assertTrue(cli.err().contains(f + ":21:"), cli.err());
  }

  @Test
  void aBadOption_isReportedAsBefore_andTheReadAheadIsDropped() throws Exception {
    Path f = write("s.yaml", VALID);
    Cli cli = Cli.run("run", f.toString(), "--trials", "0");
    assertEquals(2, cli.code());
    assertTrue(cli.err().contains("--trials must be between 1 and"), cli.err());
    // nothing left for a later load on this thread: it reads the file as it is now
    Files.writeString(f, VALID.replace("name: read-ahead", "name: later"));
    assertEquals("later", ReadAhead.load(f).baseline().name());
  }

  private static List<String> problems(ScenarioException e) {
    return e.problems().stream().map(Object::toString).toList();
  }

  /** Waits until the read-ahead of {@code f} (started on this thread) is done. */
  private static void awaitReadAhead(Path f) throws InterruptedException {
    assertNotNull(ReadAhead.pending(f));
    ReadAhead.pending(f).join();
  }
}
