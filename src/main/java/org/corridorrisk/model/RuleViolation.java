package org.corridorrisk.model;

/**
 * A model rule a scenario breaks.
 *
 * @param path where, as a path into the scenario document, e.g. {@code links[2].from}
 * @param message what is wrong, naming the value and the rule
 */
public record RuleViolation(String path, String message) {}
