package org.corridorrisk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Peak memory of one command in a fresh JVM, for {@code bench --peak-memory}: {@link #measure}
 * starts {@code java <flags> -Xmx<heap> -cp <this class path> org.corridorrisk.cli.PeakMemory
 * <command...>}; the child runs the command line ({@link Main#execute}) and then prints one line,
 * {@value #REPORT} followed by its peak resident set size in KiB and its CPU time in nanoseconds.
 *
 * <p>Design notes: the peak resident set size is the kernel's high-water mark {@code VmHWM} from
 * {@code /proc/self/status} (Linux), the figure {@code /usr/bin/time -v} reports as "Maximum
 * resident set size" for the same process; read just before the child exits, it covers the whole
 * study (JVM start, parsing, the trials, the outputs). A child JVM is needed because a JVM's
 * high-water mark never falls: the parent's would mix every case it ran. The child gets the
 * parent's class path (so the launcher's Spark class path carries over), the parent's module and
 * system-property flags ({@code --add-opens}, {@code -D...}, which Spark needs on Java 17) and its
 * collector, but not its heap size, agents or class-data-sharing flags.
 */
final class PeakMemory {
  /** Start of the child's report line. */
  static final String REPORT = "corridor-risk-peak-memory:";

  private PeakMemory() {}

  /** What a child run reported. {@code peakRssKb} and {@code cpuNanos} are -1 when unknown. */
  record Measurement(int exitCode, long peakRssKb, long cpuNanos, String lastError) {}

  /** The child: runs the command line, then reports peak RSS and CPU time on standard output. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    int code = Main.execute(args, out, new PrintWriter(System.err, true));
    out.printf(Locale.ROOT, "%s %d %d%n", REPORT, peakRssKb(), BenchCommand.processCpuNanos());
    out.flush();
    System.exit(code);
  }

  /**
   * This process's peak resident set size in KiB ({@code VmHWM} in /proc/self/status), or -1 where
   * the system does not report it.
   */
  static long peakRssKb() {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** Runs {@code command} (a corridor-risk command line) in a child JVM with heap {@code heap}. */
  static Measurement measure(String heap, List<String> command)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(inheritedFlags(ManagementFactory.getRuntimeMXBean().getInputArguments()));
    cmd.add("-Xmx" + heap);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(PeakMemory.class.getName());
    cmd.addAll(command);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    long rss = -1;
    long cpu = -1;
    String last = "";
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith(REPORT)) {
          String[] parts = line.substring(REPORT.length()).trim().split(" ");
          rss = Long.parseLong(parts[0]);
          cpu = Long.parseLong(parts[1]);
        } else if (!line.isBlank() && !isLoggingNotice(line)) {
          last = line;
        }
      }
    }
    return new Measurement(p.waitFor(), rss, cpu, last);
  }

  /**
   * Whether a line of the child's output is a notice of the logging framework (SLF4J prints one
   * when it starts, from whichever thread first logs: with the scenario read ahead and the report's
   * fonts loaded on threads of their own, that can come after the run's own error message), so that
   * it is not taken for the run's last message.
   */
  static boolean isLoggingNotice(String line) {
    return line.startsWith("SLF4J(") || line.startsWith("SLF4J:");
  }

  /**
   * The flags of this JVM a child should share: module openings and exports, system properties, the
   * garbage collector ({@code -XX:+Use...GC}: the launcher picks Parallel GC, whose peak resident
   * set differs from G1's), the launcher's cap on the young generation ({@code -XX:MaxNewSize},
   * which keeps the resident set flat in long runs) and {@code -XX:+IgnoreUnrecognizedVMOptions};
   * not heap sizes, agents, debugging, logging or class-data-sharing archives.
   */
  static List<String> inheritedFlags(List<String> parentFlags) {
    List<String> kept = new ArrayList<>();
    for (String f : parentFlags) {
      if (f.startsWith("--add-opens")
          || f.startsWith("--add-exports")
          || f.equals("-XX:+IgnoreUnrecognizedVMOptions")
          || (f.startsWith("-XX:+Use") && f.endsWith("GC"))
          || f.startsWith("-XX:MaxNewSize=")
          || (f.startsWith("-D") && !f.startsWith("-Djava.class.path"))) {
        kept.add(f);
      }
    }
    return kept;
  }
}
