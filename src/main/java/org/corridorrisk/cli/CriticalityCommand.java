package org.corridorrisk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "criticality", mixinStandardHelpOptions = true, description = "Ranks assets by loss when each is out, and finds worst-case attack sets.")
final class CriticalityCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserInputException("'criticality' is not available yet");
  }
}
