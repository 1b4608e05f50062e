package org.corridorrisk.model;

/**
 * Thrown by a model constructor when one of its arguments breaks a rule. {@link #violation()} holds
 * the structured violation with a path relative to the element (the offending key); {@link
 * #getMessage()} the full sentence including the key and the element ({@code "capacity must be >= 0
 * , was -5.0 (link 'scp')"}).
 */
public final class RuleException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient RuleViolation violation;
  private final String withoutOwner;

  /**
   * @param subject what the sentence is about ({@code "capacity"}, {@code "node id"}, {@code
   *     "interdependency row 2"}), or empty when the violation's message says it
   * @param owner the element ({@code "link 'scp'"}), or null
   */
  RuleException(RuleViolation violation, String subject, String owner) {
    super(sentence(violation, subject) + (owner == null ? "" : " (" + owner + ")"));
    this.violation = violation;
    this.withoutOwner = sentence(violation, subject);
  }

  private static String sentence(RuleViolation violation, String subject) {
    return subject.isEmpty() ? violation.message() : subject + " " + violation.message();
  }

  /** A violation of key {@code field} of {@code owner}: message "field rule (owner)". */
  static RuleException of(String field, Rule rule, Object value, String message, String owner) {
    return new RuleException(RuleViolation.of(field, rule, value, message), field, owner);
  }

  /** The structured violation (path relative to the element). */
  public RuleViolation violation() {
    return violation;
  }

  /** The sentence without the element: {@code "capacity must be >= 0, was -5.0"}. */
  public String messageWithoutOwner() {
    return withoutOwner;
  }
}
