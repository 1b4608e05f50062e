package org.corridorrisk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "describe", mixinStandardHelpOptions = true, description = "Describes a scenario's network, threats and structural weak points.")
final class DescribeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserInputException("'describe' is not available yet");
  }
}
