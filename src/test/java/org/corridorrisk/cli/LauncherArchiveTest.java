package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which commands of the launcher ({@code ./corridor-risk}) record its class-data archive: the
 * archive holds the classes of the command that records it, and every later run maps only those, so
 * only a study that writes a report records it, and only when it succeeds. The launcher runs in a
 * copy of the repository's root with an empty jar and a stand-in {@code java} on the path that logs
 * its arguments, writes the archive it is asked to record and exits with the status the test
 * chooses, so no JVM or build is involved.
 */
class LauncherArchiveTest {
  @TempDir Path root;

  private Path archive;
  private Path javaLog;
  private Path bin;

  @BeforeEach
  void copyLauncher() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    Files.copy(Path.of("corridor-risk"), root.resolve("corridor-risk"));
    assertTrue(root.resolve("corridor-risk").toFile().setExecutable(true));
    Files.createDirectories(root.resolve("target"));
    Files.write(root.resolve("target/corridor-risk.jar"), new byte[0]);
    // an archive recorded earlier than the jar is stale: the next run removes or replaces it
    Files.setLastModifiedTime(root.resolve("target/corridor-risk.jar"), FileTime.fromMillis(0));
    archive = root.resolve("target/corridor-risk.jsa");
    javaLog = root.resolve("java-args.txt");
    bin = root.resolve("bin");
    Files.createDirectories(bin);
    String fakeJava =
        """
        #!/bin/bash
        for a in "$@"; do
          case "$a" in
            -XshowSettings:properties) echo "    java.specification.version = 17" >&2; exit 0 ;;
            -XX:ArchiveClassesAtExit=*) echo recorded > "${a#-XX:ArchiveClassesAtExit=}" ;;
          esac
        done
        echo "$*" >> "$JAVA_LOG"
        exit "${FAKE_STATUS:-0}"
        """;
    Files.writeString(bin.resolve("java"), fakeJava, StandardCharsets.UTF_8);
    assertTrue(bin.resolve("java").toFile().setExecutable(true));
  }

  @Test
  void aSuccessfulRunRecordsTheArchiveAndTheNextRunMapsIt() throws Exception {
    assertEquals(0, launch(0, "run", "scenario.yaml", "--trials", "10"));
    assertTrue(Files.exists(archive), "a successful run records the archive");
    assertTrue(lastJavaArgs().contains("-XX:ArchiveClassesAtExit="), lastJavaArgs());

    assertEquals(0, launch(0, "validate", "scenario.yaml"));
    assertTrue(lastJavaArgs().contains("-XX:SharedArchiveFile=" + archive), lastJavaArgs());
  }

  @Test
  void commandsWithoutTheEngineAndReportDoNotRecord() throws Exception {
    for (List<String> command :
        List.of(
            List.of("validate", "scenario.yaml"),
            List.of("bench", "--suite", "grid"),
            List.of("import", "gaslib", "net.xml"),
            List.of("describe", "scenario.yaml"),
            List.of("run", "--help"),
            List.of("compare", "a.yaml", "b.yaml", "-h"),
            List.of("--version"))) {
      assertEquals(0, launch(0, command.toArray(new String[0])), command.toString());
      assertFalse(Files.exists(archive), command + " recorded the archive");
      assertFalse(lastJavaArgs().contains("ArchiveClassesAtExit"), command + ": " + lastJavaArgs());
    }
  }

  @Test
  void aFailedRunDoesNotLeaveAnArchive() throws Exception {
    assertEquals(2, launch(2, "run", "bad.yaml"));
    assertFalse(Files.exists(archive), "a run stopped by a bad file recorded the archive");
    try (var files = Files.list(root.resolve("target"))) {
      assertEquals(
          0,
          files.filter(f -> f.getFileName().toString().contains(".jsa")).count(),
          "a recording left behind");
    }
    assertEquals(0, launch(0, "exercise", "scenario.yaml"));
    assertTrue(Files.exists(archive), "the next successful study records it");
  }

  private int launch(int status, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("/bin/bash", "./corridor-risk"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
    Map<String, String> env = pb.environment();
    env.remove("JAVA_HOME");
    env.remove("CORRIDOR_RISK_CDS");
    env.remove("CORRIDOR_RISK_JAVA_OPTS");
    env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("JAVA_LOG", javaLog.toString());
    env.put("FAKE_STATUS", Integer.toString(status));
    Path out = root.resolve("launcher-output.txt");
    Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not end");
    assertFalse(
        Files.readString(out).contains("building corridor-risk"),
        "the launcher tried to build: " + Files.readString(out));
    return p.exitValue();
  }

  private String lastJavaArgs() throws IOException {
    List<String> lines = Files.readAllLines(javaLog);
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }
}
