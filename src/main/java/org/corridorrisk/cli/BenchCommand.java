package org.corridorrisk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Runs the built-in benchmark suite.")
final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserInputException("'bench' is not available yet");
  }
}
