package org.corridorrisk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "compare", mixinStandardHelpOptions = true, description = "Compares mitigations with the baseline on common random numbers.")
final class CompareCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserInputException("'compare' is not available yet");
  }
}
