package org.corridorrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.corridorrisk.report.charts.Charts.TornadoBar;
import org.corridorrisk.report.charts.NumberText;
import org.corridorrisk.sim.StudyResult.AssetStat;
import org.junit.jupiter.api.Test;

/**
 * {@link HtmlReport#tornadoBars} labels only the bars it shows; they must be the bars of the
 * definition (every hit asset labelled, sorted by bar length, longest first, ties by label, the
 * first {@code max} kept), including ties between ids of which one is a prefix of the other.
 */
class TornadoBarsTest {
  /** The definition: what the report computed before (every asset labelled, then sorted). */
  private static List<TornadoBar> byDefinition(List<AssetStat> hit, double mean, int max) {
    List<TornadoBar> rows = new ArrayList<>();
    for (AssetStat a : hit) {
      double share = a.shareOfTrialsDisabled();
      double whenDisabled = a.meanEconomicLossWhenDisabled();
      double whenIntact =
          share < 1 ? Math.max(0, (mean - share * whenDisabled) / (1 - share)) : mean;
      rows.add(
          new TornadoBar(
              a.id() + " (" + NumberText.percent(share) + ")", whenIntact, whenDisabled));
    }
    rows.sort(
        Comparator.comparingDouble((TornadoBar t) -> Math.abs(t.high() - t.low()))
            .reversed()
            .thenComparing(TornadoBar::label));
    return rows.subList(0, Math.min(max, rows.size()));
  }

  @Test
  void shownBars_areTheDefinitions_onRandomAssetsWithManyTies() {
    Random random = new Random(15); // test data only
    String idChars = "abAB01._-";
    double[] shares = {0.001, 0.01, 0.25, 0.5, 0.999, 1.0};
    double[] losses = {0, 1, 10, 100, 1e6};
    int ties = 0;
    for (int round = 0; round < 400; round++) {
      Set<String> ids = new HashSet<>();
      List<AssetStat> hit = new ArrayList<>();
      int n = 1 + random.nextInt(60);
      while (hit.size() < n) {
        StringBuilder id = new StringBuilder();
        int length = 1 + random.nextInt(4);
        for (int i = 0; i < length; i++) {
          id.append(idChars.charAt(random.nextInt(idChars.length())));
        }
        if (!ids.add(id.toString())) {
          continue;
        }
        double share = shares[random.nextInt(shares.length)];
        double loss = losses[random.nextInt(losses.length)];
        hit.add(new AssetStat(id.toString(), random.nextBoolean(), "k", share, 1, loss));
      }
      double mean = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 1000;
      int max = 1 + random.nextInt(20);
      List<TornadoBar> expected = byDefinition(hit, mean, max);
      assertEquals(expected, HtmlReport.tornadoBars(hit, mean, max), "round " + round);
      for (int i = 1; i < expected.size(); i++) {
        TornadoBar a = expected.get(i - 1);
        TornadoBar b = expected.get(i);
        ties += Math.abs(a.high() - a.low()) == Math.abs(b.high() - b.low()) ? 1 : 0;
      }
    }
    assertTrue(ties > 500, "ties between shown bars: " + ties);
  }

  @Test
  void anIdThatIsAPrefixOfAnother_comesFirstAmongEqualBars() {
    List<AssetStat> hit =
        List.of(
            new AssetStat("l10", true, "k", 0.5, 1, 10),
            new AssetStat("l1", true, "k", 0.5, 1, 10),
            new AssetStat("l1-", true, "k", 0.5, 1, 10),
            new AssetStat("l1.", true, "k", 0.5, 1, 10));
    List<String> labels =
        HtmlReport.tornadoBars(hit, 3, 10).stream().map(TornadoBar::label).toList();
    // "l1 (50%)" < "l1- (50%)" < "l1. (50%)" < "l10 (50%)": the space sorts first
    assertEquals(List.of("l1 (50%)", "l1- (50%)", "l1. (50%)", "l10 (50%)"), labels);
    assertEquals(byDefinition(hit, 3, 10), HtmlReport.tornadoBars(hit, 3, 10));
  }
}
