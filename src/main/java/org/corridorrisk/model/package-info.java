/**
 * Stage 2, domain: immutable, validated scenario objects ({@code Scenario}, {@code Node}, {@code
 * Link}, {@code Threat}, {@code RepairTime}, {@code Economy}, ...). Constructors check their
 * arguments and throw {@code RuleException}; {@code Scenario} checks cross-references and reports
 * every {@code RuleViolation} (path, rule, values) at once. No I/O, no randomness, no charts;
 * imports no other stage.
 */
package org.corridorrisk.model;
