/**
 * Stage 6, outputs: summary.json, trials.csv, comparison and criticality JSON, and HTML reports
 * with JFreeChart charts rendered to SVG. Imports {@code model}, {@code sim}, {@code impact},
 * {@code stats} and {@code study}; nothing but {@code cli} imports it.
 */
package org.corridorrisk.report;
