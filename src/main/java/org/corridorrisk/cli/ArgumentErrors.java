package org.corridorrisk.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corridorrisk.model.Spelling;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Turns picocli's parse errors into sentences a user can act on: what was expected, what was given,
 * and the closest command or option when a name was mistyped ({@code runn} -> {@code run}).
 *
 * <p>Design note: picocli's own texts name Java types ({@code 'abc' is not a long}) and argument
 * indices ({@code Unmatched arguments from index 0}); its suggestions rank by character-pair
 * similarity and may offer unrelated names. Here a name is offered by the rule every "did you mean"
 * of the project uses ({@link Spelling#closest}): only when the word is plausibly a typo of it, or
 * a prefix of exactly one name.
 */
final class ArgumentErrors {
  /**
   * Words a user types for what a command does rather than its name; the command that does it is
   * named instead of the nearest spelling ({@code report} is two letters from {@code import}).
   */
  private static final Map<String, String> COMMAND_FOR =
      Map.of(
          "report",
          "'run' writes the report (report.html in its --out folder), 'compare' writes compare.html",
          "simulate",
          "'run' simulates a scenario",
          "check",
          "'validate' checks a scenario file");

  private ArgumentErrors() {}

  /** The lines to print for a parse error (without the "corridor-risk: " prefix of the first). */
  static List<String> explain(CommandLine.ParameterException ex) {
    CommandLine cl = ex.getCommandLine();
    CommandSpec spec = cl.getCommandSpec();
    String who = spec.qualifiedName();
    List<String> lines = new ArrayList<>();
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      unmatched(u, spec, lines);
    } else if (ex instanceof CommandLine.MissingParameterException m) {
      missing(m, spec, lines);
    } else if (ex.getCause() instanceof CommandLine.TypeConversionException
        && ex.getArgSpec() != null) {
      lines.add(badValue(ex.getArgSpec(), ex.getValue()));
    } else if (ex instanceof CommandLine.OverwrittenOptionException o
        && o.getOverwritten() != null) {
      lines.add(name(o.getOverwritten()) + " was given twice; give it once");
    } else {
      lines.add(ex.getMessage());
    }
    lines.add("Try '" + who + " --help' for usage.");
    return lines;
  }

  private static void unmatched(
      CommandLine.UnmatchedArgumentException u, CommandSpec spec, List<String> lines) {
    List<String> unmatched = u.getUnmatched();
    String first = unmatched.isEmpty() ? "" : unmatched.get(0);
    boolean hasSubcommands = !spec.subcommands().isEmpty();
    if (first.startsWith("-")) {
      String option = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
      List<String> names = new ArrayList<>();
      for (OptionSpec o : spec.options()) {
        if (!o.hidden()) {
          names.addAll(List.of(o.names()));
        }
      }
      String close = closest(option, names);
      lines.add(
          "unknown option '"
              + option
              + "' for '"
              + spec.qualifiedName()
              + "'"
              + (close == null ? "" : "; did you mean '" + close + "'?"));
    } else if (hasSubcommands && spec.parent() == null) {
      List<String> names = new ArrayList<>();
      spec.subcommands()
          .forEach(
              (name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                  names.add(name);
                }
              });
      String close = closest(first, names);
      String meant = COMMAND_FOR.get(first.toLowerCase(Locale.ROOT));
      lines.add(
          "'"
              + first
              + "' is not a command"
              + (meant != null
                  ? "; " + meant
                  : close == null
                      ? ""
                      : "; did you mean '" + spec.qualifiedName() + " " + close + "'?"));
      lines.add("Commands: " + String.join(", ", names) + ".");
    } else {
      lines.add(
          "unexpected argument '"
              + first
              + "': '"
              + spec.qualifiedName()
              + "' takes "
              + positionalsText(spec)
              + " (options start with --)");
    }
  }

  private static void missing(
      CommandLine.MissingParameterException m, CommandSpec spec, List<String> lines) {
    List<String> what = new ArrayList<>();
    for (ArgSpec a : m.getMissing()) {
      what.add(describe(a));
    }
    if (what.isEmpty()) {
      lines.add(m.getMessage());
      return;
    }
    lines.add("'" + spec.qualifiedName() + "' needs " + String.join(" and ", what));
  }

  /**
   * "--seed expects a whole number (e.g. --seed 42) but got 'abc'"; a whole number past the
   * option's type is "too large" (or "too small") with the type's bound, and a value given to a
   * switch says that a switch takes none.
   */
  static String badValue(ArgSpec arg, String value) {
    Class<?> type = arg.type();
    String expected;
    String example;
    boolean whole = type == long.class || type == Long.class;
    boolean small = type == int.class || type == Integer.class;
    if ((whole || small) && value != null && value.matches("[-+]?[0-9]+")) {
      boolean negative = value.startsWith("-");
      long bound =
          whole
              ? (negative ? Long.MIN_VALUE : Long.MAX_VALUE)
              : (negative ? Integer.MIN_VALUE : Integer.MAX_VALUE);
      return name(arg)
          + " "
          + value
          + (negative ? " is too small: at least " : " is too large: at most ")
          + String.format(Locale.ROOT, "%,d", bound);
    }
    if ((type == boolean.class || type == Boolean.class) && arg instanceof OptionSpec) {
      return name(arg) + " is a switch: give it alone, without a value (got '" + value + "')";
    }
    if (whole || small) {
      expected = "a whole number";
      example = "42";
    } else if (type == double.class
        || type == Double.class
        || type == float.class
        || type == Float.class) {
      expected = "a number";
      example = "0.01";
    } else if (type.isEnum()) {
      List<String> constants = new ArrayList<>();
      for (Object c : type.getEnumConstants()) {
        constants.add(c.toString().toLowerCase(Locale.ROOT));
      }
      expected = "one of " + String.join(", ", constants);
      example = constants.isEmpty() ? "" : constants.get(0);
    } else {
      expected = "a value of the form " + arg.paramLabel();
      example = "";
    }
    String name = name(arg);
    String eg = example.isEmpty() ? "" : " (e.g. " + exampleUse(arg, example) + ")";
    return name + " expects " + expected + eg + " but got '" + value + "'";
  }

  private static String exampleUse(ArgSpec arg, String example) {
    if (!(arg instanceof OptionSpec o)) {
      return example;
    }
    String value =
        switch (o.longestName()) {
          case "--trials" -> "20000";
          case "--threads" -> "2";
          case "--budget" -> "3";
          case "--outage-days" -> "30";
          case "--percentile" -> "95";
          default -> example;
        };
    return o.longestName() + " " + value;
  }

  private static String name(ArgSpec a) {
    if (a instanceof OptionSpec o) {
      return o.longestName();
    }
    return a.paramLabel();
  }

  private static String describe(ArgSpec a) {
    if (a instanceof PositionalParamSpec p) {
      String label = p.paramLabel();
      String desc = p.description().length > 0 ? p.description()[0] : "";
      if (label.equals("FILE") && p.command() != null && "import".equals(p.command().name())) {
        return "a network FILE to import (e.g. data/gaslib/GasLib-11.zip)";
      }
      return label.equals("FILE")
          ? "a scenario FILE (e.g. scenarios/btc-oil.yaml)"
          : label + (desc.isEmpty() ? "" : " (" + trimDot(desc) + ")");
    }
    OptionSpec o = (OptionSpec) a;
    return "the option " + o.longestName() + " " + o.paramLabel();
  }

  private static String positionalsText(CommandSpec spec) {
    List<PositionalParamSpec> ps = spec.positionalParameters();
    if (ps.isEmpty()) {
      return "no arguments besides its options";
    }
    List<String> labels = new ArrayList<>();
    boolean many = false;
    for (PositionalParamSpec p : ps) {
      labels.add(p.paramLabel());
      many |= p.arity().max() > 1;
    }
    return (many ? "" : "one ") + String.join(" ", labels) + (many ? "..." : "");
  }

  private static String trimDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * The candidate {@code word} is plausibly a typo of ({@link Spelling#closest}), else null.
   * Leading dashes are set aside on both sides, so that {@code --x} is measured as the one letter
   * it is and {@code -seed} finds {@code --seed}.
   */
  static String closest(String word, List<String> candidates) {
    Map<String, String> byCore = new LinkedHashMap<>();
    for (String c : candidates) {
      byCore.putIfAbsent(core(c), c);
    }
    String best = Spelling.closest(core(word), byCore.keySet());
    return best == null ? null : byCore.get(best);
  }

  private static String core(String name) {
    return name.replaceFirst("^-+", "");
  }
}
