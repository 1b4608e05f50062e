package org.corridorrisk.study;

import java.util.Collection;
import org.corridorrisk.impact.TrialMetrics;

/**
 * The metrics of the horizon when the given assets are disabled from day 0 for {@code outageDays}
 * days and nothing else happens. {@code sim.OutageEvaluator::evaluate} is the production
 * implementation; tests may supply simpler ones.
 *
 * <p>Instances need not be thread-safe: the study creates one per worker thread.
 */
@FunctionalInterface
public interface OutageFunction {
  TrialMetrics evaluate(Collection<String> assetIds, int outageDays);
}
