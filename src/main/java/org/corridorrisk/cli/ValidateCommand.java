package org.corridorrisk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Checks scenario files against the schema and the model rules.")
final class ValidateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserInputException("'validate' is not available yet");
  }
}
