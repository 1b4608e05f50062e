package org.corridorrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One in-process run of the command line: its exit code and what it printed to out and err. */
record Cli(int code, String out, String err) {

  /** Runs {@code corridor-risk ARGS} in this process. */
  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Cli(code, out.toString(), err.toString());
  }

  /**
   * Runs {@code exercise SCENARIO --trial 0 --trials TRIALS --quiet MORE... --out DIR}, with
   * SCENARIO a test resource such as {@code /exercise/hit-while-out.yaml}.
   */
  static Cli exercise(String resource, int trials, Path dir, String... more) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "exercise",
            resource(resource).toString(),
            "--trial",
            "0",
            "--trials",
            String.valueOf(trials),
            "--quiet"));
    args.addAll(List.of(more));
    args.addAll(List.of("--out", dir.toString()));
    return run(args.toArray(String[]::new));
  }

  /** The file of a test resource, such as {@code /exercise/decisions.yaml}. */
  static Path resource(String name) {
    try {
      return Path.of(Cli.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name, e);
    }
  }

  /** The rows of {@code DIR/msel.csv} written by {@code exercise}, the header row first. */
  static List<List<String>> msel(Path dir) throws IOException {
    return ExerciseCommandTest.rfc4180(Files.readString(dir.resolve("msel.csv")));
  }
}
