/**
 * Summaries: mergeable accumulators, nearest-rank percentiles, VaR, CVaR, confidence intervals and
 * stopping rules, used by {@code sim}, {@code study} and {@code report}. Imports no other stage.
 */
package org.corridorrisk.stats;
