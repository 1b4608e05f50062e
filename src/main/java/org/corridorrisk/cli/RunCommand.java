package org.corridorrisk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Runs the Monte Carlo study.")
final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserInputException("'run' is not available yet");
  }
}
