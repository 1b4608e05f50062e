package org.corridorrisk.scenario;

import java.util.List;

/** The user's input is wrong; carries every problem found. The CLI maps it to exit code 2. */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public ScenarioException(List<Problem> problems) {
    super(
        problems.isEmpty()
            ? "invalid input"
            : problems.get(0).format()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
