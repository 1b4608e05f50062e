/**
 * Stage 1, files: reads scenario YAML/JSON, checks it against the JSON Schema, builds the {@code
 * model} and maps the model's structured rule violations to file, line and column ({@code
 * Problem}), every problem in one pass; applies mitigation patches to the document. The only
 * package that knows the file format. Takes: a file. Gives: a validated {@code model.Scenario} or
 * located problems. Imports only {@code model}.
 */
package org.corridorrisk.scenario;
