package org.corridorrisk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Mitigation;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Spelling;
import org.corridorrisk.report.charts.NumberText;
import org.corridorrisk.report.exercise.ExerciseCalendar;
import org.corridorrisk.report.exercise.ExerciseJson;
import org.corridorrisk.report.exercise.ExercisePage;
import org.corridorrisk.report.exercise.Msel;
import org.corridorrisk.report.exercise.MselTemplates;
import org.corridorrisk.report.exercise.Provenance;
import org.corridorrisk.scenario.LoadedScenario;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.scenario.SideFile;
import org.corridorrisk.sim.Columns;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;
import org.corridorrisk.study.ExerciseStudy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code exercise FILE (--trial K | --percentile P [--metric M]) [--seed S] [--trials N] [--decide
 * DAY:MITIGATION]... [--out DIR] [--templates FILE] [--quiet]}: replays one trial of the study
 * {@code run FILE --seed S --trials N} as an exercise and writes exercise.json, msel.csv and
 * exercise.html. See docs/exercise.md.
 */
@Command(
    name = "exercise",
    mixinStandardHelpOptions = true,
    description = {
      "Replays one trial of the study as a day-by-day exercise for the exercise room.",
      "Writes the narrative of each day (exercise.json), a master scenario events list",
      "(msel.csv) and a page for the exercise room (exercise.html); --decide adds",
      "branches with a mitigation in force from a day, on the same random numbers."
    })
final class ExerciseCommand implements Callable<Integer> {
  static final String[] OUTPUTS = {"exercise.json", "msel.csv", "exercise.html"};

  @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (.yaml, .yml, .json).")
  Path file;

  @Option(
      names = "--trial",
      paramLabel = "K",
      description = "The trial to replay, numbered from 0 as in trials.csv.")
  Long trial;

  @Option(
      names = "--percentile",
      paramLabel = "P",
      description =
          "Replay the trial at this nearest-rank percentile (0-100) of --metric over the study"
              + " (ties: the lowest trial).")
  Double percentile;

  @Option(
      names = "--metric",
      paramLabel = "M",
      defaultValue = "economic_loss",
      description =
          "Metric ranked by --percentile (with --percentile only): any column of trials.csv,"
              + " e.g. economic_loss or unserved_volume.gas (default: ${DEFAULT-VALUE}).")
  String metric;

  @Option(
      names = "--trials",
      paramLabel = "N",
      description =
          "Trials of the study the trial belongs to (default: as run, 10,000 continued while"
              + " estimates rest on few trials).")
  Long trials;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed of the study (default: ${DEFAULT-VALUE}, as run).")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description =
          "Worker threads for --percentile's study (default: cores); never changes results.")
  Integer threads;

  @Option(
      names = "--decide",
      paramLabel = "DAY:MITIGATION",
      description =
          "A branch: the mitigation (or a+b) in force from DAY on, same random numbers"
              + " (repeatable).")
  List<String> decisions = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output directory (default: out/<scenario name>/exercise-<K>).")
  Path out;

  @Option(
      names = "--templates",
      paramLabel = "FILE",
      description =
          "MSEL message templates (YAML) replacing the built-in ones (see docs/exercise.md).")
  Path templatesFile;

  @Option(
      names = "--quiet",
      description =
          "No progress bar and no summary: print only where the outputs went (and the page's"
              + " link).")
  boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws ScenarioException, IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if ((trial == null) == (percentile == null)) {
      throw new UserInputException("give exactly one of --trial K or --percentile P");
    }
    if (trial != null && spec.commandLine().getParseResult().hasMatchedOption("--metric")) {
      throw new UserInputException(
          "--metric chooses what --percentile ranks; with --trial the trial is given: leave"
              + " --metric out (or pick the trial with --percentile P --metric "
              + metric
              + ")");
    }
    if (trials != null && (trials < 1 || trials > MonteCarlo.EXACT_LIMIT)) {
      throw new UserInputException(
          "--trials must be between 1 and "
              + MonteCarlo.EXACT_LIMIT
              + " for an exercise (every trial's value is ranked), was "
              + trials);
    }
    if (trial != null && (trial < 0 || (trials != null && trial >= trials))) {
      throw new UserInputException(
          "--trial "
              + trial
              + " is out of range: "
              + (trials == null
                  ? "trials are numbered from 0"
                  : "the study has "
                      + trials
                      + " trials, numbered 0 to "
                      + (trials - 1)
                      + (trial >= trials && trial < MonteCarlo.EXACT_LIMIT
                          ? " (raise --trials to reach it)"
                          : "")));
    }
    if (trial != null && trial >= MonteCarlo.EXACT_LIMIT) {
      // no study of an exercise reaches it: refused before a default study runs for nothing
      throw new UserInputException(
          "--trial "
              + trial
              + " is out of range: an exercise's study has at most "
              + MonteCarlo.EXACT_LIMIT
              + " trials, numbered 0 to "
              + (MonteCarlo.EXACT_LIMIT - 1));
    }
    if (percentile != null && !(percentile >= 0 && percentile <= 100)) {
      throw new UserInputException(
          "--percentile must be between 0 and 100, was " + asGiven(percentile));
    }
    int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (threadCount < 1 || threadCount > 4096) {
      throw new UserInputException("--threads must be between 1 and 4096, was " + threadCount);
    }
    MselTemplates templates =
        templatesFile == null ? MselTemplates.builtIn() : userTemplates(templatesFile);
    LoadedScenario loaded = ScenarioLoader.load(file);
    Scenario scenario = loaded.baseline();
    List<String> columns = Columns.names(scenario);
    if (!columns.contains(metric)) {
      throw new UserInputException(
          "--metric: no metric '"
              + metric
              + "'"
              + Spelling.didYouMean(metric, columns)
              + " (the columns of trials.csv: "
              + String.join(", ", columns)
              + ")");
    }
    List<ExerciseStudy.Decision> branches = new ArrayList<>();
    java.util.Map<String, String> seen = new java.util.HashMap<>();
    for (String d : decisions) {
      ExerciseStudy.Decision branch = decision(loaded, d);
      // one branch per decision: the same day and mitigations twice would only repeat a column
      List<String> ids = new ArrayList<>(Arrays.asList(branch.mitigation().split("\\+")));
      ids.sort(null);
      String earlier = seen.putIfAbsent(branch.day() + ":" + String.join("+", ids), d);
      if (earlier != null) {
        throw new UserInputException(
            "--decide '"
                + d
                + "' is the same decision as --decide '"
                + earlier
                + "'; give each decision once (each one is its own branch)");
      }
      branches.add(branch);
    }

    ExerciseStudy.Pick pick;
    // the study's trial count: given, or known only by running run's default plan (needed for a
    // percentile, or for a trial past the default's first 10,000); null when not needed
    Long studyTrials = trials;
    if (trial != null && (trials != null || trial < MonteCarlo.DEFAULT_TRIALS)) {
      pick = ExerciseStudy.Pick.direct(Math.toIntExact(trial));
    } else {
      ConsoleProgress progress = ConsoleProgress.forTerminal(quiet, stderr);
      StudyResult study;
      try {
        study =
            MonteCarlo.run(
                scenario,
                trials != null
                    ? new RunOptions(trials, seed, threadCount, Double.NaN, progress)
                    : new RunOptions(
                        MonteCarlo.DEFAULT_TRIALS,
                        seed,
                        threadCount,
                        Double.NaN,
                        progress,
                        MonteCarlo.DEFAULT_MAX_TRIALS,
                        null,
                        null));
      } finally {
        if (progress != null) {
          progress.finish();
        }
      }
      studyTrials = study.trials();
      if (trial != null) {
        if (trial >= studyTrials) {
          throw new UserInputException(
              "--trial "
                  + trial
                  + " is out of range: the study (as run plans it) has "
                  + studyTrials
                  + " trials, numbered 0 to "
                  + (studyTrials - 1));
        }
        pick = ExerciseStudy.Pick.direct(Math.toIntExact(trial));
      } else {
        if (!study.exact()) {
          throw new UserInputException(
              "--percentile needs every trial's value; give --trials of at most "
                  + MonteCarlo.EXACT_LIMIT);
        }
        pick = ExerciseStudy.nearestRank(columnValues(study, metric), percentile, metric);
      }
    }
    ExerciseStudy.Result result;
    try {
      result = ExerciseStudy.run(scenario, seed, studyTrials, pick, branches);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--decide: " + e.getMessage());
    }

    Path dir = out != null ? out : Paths.get("out", scenario.name(), "exercise-" + pick.trial());
    dir = OutputDirectory.prepare(dir, file, OUTPUTS);
    ExerciseCalendar calendar = new ExerciseCalendar(scenario.incidents().startDate());
    List<String> methods = new ArrayList<>();
    methods.add(
        "replay: the study's engine re-runs trial "
            + pick.trial()
            + " with an observer (totals equal its trials.csv row)");
    if (percentile != null) {
      methods.add(
          "trial choice: nearest-rank percentile "
              + asGiven(percentile)
              + " of "
              + metric
              + " over "
              + studyTrials
              + " trials, ties to the lowest trial");
    }
    if (!branches.isEmpty()) {
      methods.add(
          "branches: the mitigation in force from its day on, on common random numbers"
              + " (docs/exercise.md)");
    }
    methods.add("injects: " + templates.source());
    Provenance provenance =
        new Provenance(Main.version(), file.toString(), sha256(file), seed, studyTrials, methods);
    ObjectNode tree = ExerciseJson.tree(result, calendar, provenance);
    List<Msel.Inject> injects = Msel.build(scenario, result.baseline(), calendar, templates);
    Path json = dir.resolve(OUTPUTS[0]);
    Path csv = dir.resolve(OUTPUTS[1]);
    Path html = dir.resolve(OUTPUTS[2]);
    ExerciseJson.write(tree, json);
    Msel.write(injects, csv);
    ExercisePage.write(scenario, tree, injects, html);
    if (!quiet) {
      printSummary(result, injects.size(), stdout);
    }
    stdout.println("wrote " + json);
    stdout.println("      " + csv);
    stdout.println("      " + html);
    stdout.println("open the page: " + OutputDirectory.browserUri(html));
    stdout.flush();
    return Failures.OK;
  }

  /** Parses {@code DAY:MITIGATION} (mitigation ids joined by {@code +}) against the scenario. */
  /** The kept per-trial values of one {@code trials.csv} column ({@link Columns#names}). */
  private static double[] columnValues(StudyResult study, String column) {
    Metric m = Metric.fromKey(column);
    if (m != null) {
      return study.values(m);
    }
    Scenario s = study.scenario();
    for (int c = 0; c < s.commodities().size(); c++) {
      String id = s.commodities().get(c).id();
      if (column.equals("unserved_volume." + id)) {
        return study.unservedVolume()[c];
      }
      if (column.equals(Metric.PERSON_DAYS_WITHOUT_SERVICE.key() + "." + id)) {
        return study.personDays()[c];
      }
    }
    List<String> sectors =
        s.economy().map(e -> e.sectors().stream().map(x -> x.id()).toList()).orElse(List.of());
    for (int i = 0; i < sectors.size(); i++) {
      if (column.equals("peak_inoperability." + sectors.get(i))) {
        return study.peakInoperability()[i];
      }
      if (column.equals("indirect_loss." + sectors.get(i))) {
        return study.sectorIndirectLoss()[i];
      }
    }
    throw new IllegalStateException("no column " + column);
  }

  private ExerciseStudy.Decision decision(LoadedScenario loaded, String text)
      throws ScenarioException {
    Scenario s = loaded.baseline();
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new UserInputException(
          "--decide '" + text + "': expected DAY:MITIGATION, e.g. --decide 3:repair-vessel");
    }
    int day;
    try {
      day = Integer.parseInt(text.substring(0, colon).trim());
    } catch (NumberFormatException e) {
      throw new UserInputException(
          "--decide '" + text + "': the day must be a whole number, e.g. --decide 3:repair-vessel");
    }
    if (day < 0 || day >= s.horizonDays()) {
      throw new UserInputException(
          "--decide '"
              + text
              + "': day "
              + day
              + " is outside the horizon (days 0 to "
              + (s.horizonDays() - 1)
              + ")");
    }
    List<String> declared = s.mitigations().stream().map(Mitigation::id).toList();
    List<String> ids = Arrays.asList(text.substring(colon + 1).trim().split("\\+", -1));
    if (ids.stream().anyMatch(String::isBlank)) {
      throw new UserInputException(
          "--decide '"
              + text
              + "': empty mitigation id (ids are joined with '+'"
              + (declared.size() < 2
                  ? ")"
                  : ", e.g. --decide "
                      + day
                      + ":"
                      + String.join("+", declared.stream().limit(2).toList())
                      + ")"));
    }
    double cost = 0;
    java.util.Set<String> named = new java.util.HashSet<>();
    for (String id : ids) {
      int i = declared.indexOf(id);
      if (i < 0) {
        throw new UserInputException(
            "--decide '"
                + text
                + "': unknown mitigation '"
                + id
                + "'"
                + Spelling.didYouMean(id, declared)
                + (declared.isEmpty()
                    ? " (the scenario declares none)"
                    : " (declared: " + String.join(", ", declared) + ")"));
      }
      if (!named.add(id)) {
        throw new UserInputException(
            "--decide '"
                + text
                + "': mitigation '"
                + id
                + "' is named twice; a mitigation is applied once per branch");
      }
      cost += s.mitigations().get(i).costUsd();
    }
    return new ExerciseStudy.Decision(day, String.join("+", ids), cost, loaded.variant(ids));
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JVM", e);
    }
  }

  private static void printSummary(ExerciseStudy.Result r, int injects, PrintWriter out) {
    Scenario s = r.scenario();
    ExerciseStudy.Pick p = r.pick();
    out.printf(
        Locale.ROOT,
        "%s: trial %d of %s (seed %d)%s; %d days, %d events, %d injects%n",
        s.name(),
        p.trial(),
        r.trials() == null ? "at least " + MonteCarlo.DEFAULT_TRIALS : r.trials().toString(),
        r.seed(),
        Double.isNaN(p.percentile())
            ? ""
            : String.format(
                Locale.ROOT,
                ", at percentile %s of %s (%s)",
                asGiven(p.percentile()),
                p.metric(),
                Metric.fromKey(p.metric()) == null
                    ? NumberText.compact(p.value())
                    : RunCommand.num(Metric.fromKey(p.metric()), p.value())),
        s.horizonDays(),
        r.baseline().events().size(),
        injects);
    // Each branch column is as wide as its label (mitigation and decision day, never cut), so
    // branches of one mitigation decided on different days stay apart.
    List<String> labels = new ArrayList<>();
    for (ExerciseStudy.Branch b : r.branches()) {
      labels.add(b.decision().mitigation() + " d" + b.decision().day());
    }
    out.printf(Locale.ROOT, "%-28s %14s", "total", "baseline");
    for (String label : labels) {
      out.print(" " + padLeft(label, Math.max(22, label.length())));
    }
    out.println();
    for (Metric m : Metric.values()) {
      out.printf(
          Locale.ROOT, "%-28s %14s", m.key(), RunCommand.num(m, r.baseline().totals().get(m)));
      for (int i = 0; i < labels.size(); i++) {
        String value = RunCommand.num(m, r.branches().get(i).replay().totals().get(m));
        out.print(" " + padLeft(value, Math.max(22, labels.get(i).length())));
      }
      out.println();
    }
  }

  private static String padLeft(String s, int width) {
    return " ".repeat(Math.max(0, width - s.length())) + s;
  }

  /**
   * A percentile as the user wrote it (99.5, 99.99, 0.0001, 95): the shortest decimal that reads
   * back as the same double, never rounded to a few digits (99.99 is not 100).
   */
  static String asGiven(double p) {
    if (!Double.isFinite(p)) {
      return Double.toString(p);
    }
    return new java.math.BigDecimal(Double.toString(p)).stripTrailingZeros().toPlainString();
  }

  /** A user's MSEL templates; every problem located in the file like a scenario's. */
  private static MselTemplates userTemplates(Path file) throws ScenarioException {
    SideFile side = SideFile.read(file);
    for (MselTemplates.Problem p : MselTemplates.problems(side.root())) {
      side.problem(p.path(), p.message(), p.atKey());
    }
    side.throwIfProblems();
    return MselTemplates.of(side.root(), file.toString());
  }
}
