package org.corridorrisk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "import", mixinStandardHelpOptions = true, description = "Turns a public network file into a scenario.")
final class ImportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserInputException("'import' is not available yet");
  }
}
