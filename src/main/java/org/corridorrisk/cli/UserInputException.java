package org.corridorrisk.cli;

/** A wrong option value or file the user gave, not tied to a scenario location. Exit code 2. */
final class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserInputException(String message) {
    super(message);
  }
}
