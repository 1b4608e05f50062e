package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.corridorrisk.model.Sharing;
import org.junit.jupiter.api.Test;

/**
 * {@code sharing: fair}: closed-form max-min fair shares, computed by hand in the comments
 * (progressive filling: every sink's share rises together; a sink stops when the network or the
 * supply stops it; the others go on).
 */
class FairSharesTest {
  private static final double TOL = 1e-9;

  /** Exact path only (the fast path off), unless a test says otherwise. */
  private static final SolverOptions EXACT = SolverOptions.DEFAULTS.withFastPath(false);

  /** Supply 12 through a hub to a (demand 10), b (5), c (15); every link wide. */
  private static TestNetworks hub(double spurToC) {
    return new TestNetworks()
        .source("s", 12)
        .junction("hub")
        .sink("a", 10)
        .sink("b", 5)
        .sink("c", 15)
        .link("s", "hub", 100)
        .link("hub", "a", 100)
        .link("hub", "b", 100)
        .link("hub", "c", spurToC);
  }

  @Test
  void withoutALimitedSpur_aSupplyShortageIsSharedInProportionToDemand() {
    // Every share rises to lam with 10 lam + 5 lam + 15 lam = 12 (supply): lam = 0.4,
    // so a = 4, b = 2, c = 6.
    SolvedDay d = new SolvedDay(hub(100), EXACT).solve();
    assertEquals(4, d.served("a"), TOL);
    assertEquals(2, d.served("b"), TOL);
    assertEquals(6, d.served("c"), TOL);
  }

  @Test
  void withALimitedSpur_theSinkBehindItStopsAndTheOthersShareTheRest() {
    // The spur to c carries 3: c stops at share 3 / 15 = 0.2. a and b go on with the remaining
    // 12 - 3 = 9: 10 lam + 5 lam = 9, lam = 0.6, so a = 6, b = 3.
    SolvedDay d = new SolvedDay(hub(3), EXACT).solve();
    assertEquals(6, d.served("a"), TOL);
    assertEquals(3, d.served("b"), TOL);
    assertEquals(3, d.served("c"), TOL);
  }

  @Test
  void twoSinksBehindOneSpur_splitItEvenlyByShare() {
    // Supply 12; a (demand 10) on its own line; b and c (demand 10 each) behind a spur of 2.
    // b and c stop together at 10 lam + 10 lam = 2, lam = 0.1 (1 each); a takes the rest,
    // 12 - 2 = 10 = its demand (share 1). With sharing: any the 2 behind the spur may be split
    // any way between b and c.
    TestNetworks n =
        new TestNetworks()
            .source("s", 12)
            .junction("j")
            .sink("a", 10)
            .sink("b", 10)
            .sink("c", 10)
            .link("s", "a", 100)
            .link("s", "j", 2)
            .link("j", "b", 100)
            .link("j", "c", 100);
    SolvedDay d = new SolvedDay(n, EXACT).solve();
    assertEquals(10, d.served("a"), TOL);
    assertEquals(1, d.served("b"), TOL);
    assertEquals(1, d.served("c"), TOL);
  }

  @Test
  void threeLevels_eachSinkStopsAtItsOwnBottleneck() {
    // Supply 20. a (demand 10) behind a spur of 2, b (demand 10) behind a spur of 5, c (demand
    // 20) on a wide line. a stops at 0.2 (2), b at 0.5 (5), c takes 20 - 2 - 5 = 13 (0.65).
    TestNetworks n =
        new TestNetworks()
            .source("s", 20)
            .sink("a", 10)
            .sink("b", 10)
            .sink("c", 20)
            .link("s", "a", 2)
            .link("s", "b", 5)
            .link("s", "c", 100);
    SolvedDay d = new SolvedDay(n, EXACT).solve();
    assertEquals(2, d.served("a"), TOL);
    assertEquals(5, d.served("b"), TOL);
    assertEquals(13, d.served("c"), TOL);
  }

  @Test
  void islandsWithTheirOwnShortage_getTheirOwnShares() {
    // Two separate networks: s1 (6) feeds a (10) and b (20): 30 lam = 6, lam = 0.2: a 2, b 4;
    // s2 (9) feeds c (10) behind a spur of 1 and e (10): c stops at 0.1 (1), e takes 8 (0.8).
    TestNetworks n =
        new TestNetworks()
            .source("s1", 6)
            .sink("a", 10)
            .sink("b", 20)
            .source("s2", 9)
            .sink("c", 10)
            .sink("e", 10)
            .link("s1", "a", 100)
            .link("s1", "b", 100)
            .link("s2", "c", 1)
            .link("s2", "e", 100);
    SolvedDay d = new SolvedDay(n, EXACT).solve();
    assertEquals(2, d.served("a"), TOL);
    assertEquals(4, d.served("b"), TOL);
    assertEquals(1, d.served("c"), TOL);
    assertEquals(8, d.served("e"), TOL);
  }

  @Test
  void secondTier_sharesWhatTheFirstLeaves() {
    // Supply 14. Tier 1: a (demand 6) is served in full. Tier 2 shares the remaining 8:
    // c (demand 10) behind a spur of 2 stops at 0.2 (2); b (demand 10) gets 6 (0.6).
    TestNetworks n =
        new TestNetworks()
            .source("s", 14)
            .sink("a", 6, 1)
            .sink("b", 10, 2)
            .sink("c", 10, 2)
            .link("s", "a", 100)
            .link("s", "b", 100)
            .link("s", "c", 2);
    SolvedDay d = new SolvedDay(n, EXACT).solve();
    assertEquals(6, d.served("a"), TOL);
    assertEquals(6, d.served("b"), TOL);
    assertEquals(2, d.served("c"), TOL);
  }

  @Test
  void protectedSink_isReroutedSoTheNextTierGetsWhatIsLeft() {
    // Supply 10. a (priority 1, demand 5) is reached directly (5) or through j; c (priority 2,
    // demand 10) only through j, whose line from s carries 5. a must take the direct line, so c
    // gets 5: a 5, c 5 (a routed through j would leave c nothing).
    TestNetworks n =
        new TestNetworks()
            .source("s", 10)
            .junction("j")
            .sink("a", 5, 1)
            .sink("c", 10, 2)
            .link("s", "j", 5)
            .link("j", "a", 10)
            .link("s", "a", 5)
            .link("j", "c", 10);
    SolvedDay d = new SolvedDay(n, EXACT).solve();
    assertEquals(5, d.served("a"), TOL);
    assertEquals(5, d.served("c"), TOL);
  }

  @Test
  void protectedSinkOnStorage_theSourceServesTheNextTier_andTheStoragesShare() {
    // Source 10 reaches a (priority 1, demand 10) and b (priority 2, demand 10); st1 and st2
    // (10 a day each) reach only a. Tier 1: a 10; tier 2: b 10 from the source (a switches to
    // storage). Withdrawal 10 (the least), shared by caps 10 and 10: 5 and 5.
    TestNetworks n =
        new TestNetworks()
            .source("s", 10)
            .storage("st1", 100, 10, 100, 10)
            .storage("st2", 100, 10, 100, 10)
            .sink("a", 10, 1)
            .sink("b", 10, 2)
            .link("s", "a", 100)
            .link("s", "b", 100)
            .link("st1", "a", 100)
            .link("st2", "a", 100);
    SolvedDay d = new SolvedDay(n, EXACT).solve();
    assertEquals(10, d.served("a"), TOL);
    assertEquals(10, d.served("b"), TOL);
    assertEquals(5, d.withdrawn("st1"), TOL);
    assertEquals(5, d.withdrawn("st2"), TOL);
  }

  @Test
  void storages_withdrawInProportionToWhatTheyCouldGive() {
    // k needs 25; the source gives its 5 first (sources before storage); the storages give the
    // other 20 at one share mu of their caps: 10 mu + 30 mu = 20, mu = 0.5: 5 and 15.
    TestNetworks n =
        new TestNetworks()
            .source("s", 5)
            .storage("st1", 100, 10, 100, 10)
            .storage("st2", 100, 30, 100, 30)
            .sink("k", 25)
            .link("s", "k", 100)
            .link("st1", "k", 100)
            .link("st2", "k", 100);
    SolvedDay d = new SolvedDay(n, EXACT).solve();
    assertEquals(25, d.served("k"), TOL);
    assertEquals(5, d.withdrawn("st1"), TOL);
    assertEquals(15, d.withdrawn("st2"), TOL);
  }

  @Test
  void storageBehindALimitedLink_givesWhatItCanAndTheOtherTheRest() {
    // As above but st2 reaches k through a link of 12: st2 stops at 12 (share 0.4), st1 gives
    // the other 8 (share 0.8). Any other split lowers the smaller share (st1 at 10 leaves st2 at
    // 10 / 30 = 0.33).
    TestNetworks n =
        new TestNetworks()
            .source("s", 5)
            .storage("st1", 100, 10, 100, 10)
            .storage("st2", 100, 30, 100, 30)
            .sink("k", 25)
            .link("s", "k", 100)
            .link("st1", "k", 100)
            .link("st2", "k", 12);
    SolvedDay d = new SolvedDay(n, EXACT).solve();
    assertEquals(25, d.served("k"), TOL);
    assertEquals(8, d.withdrawn("st1"), TOL);
    assertEquals(12, d.withdrawn("st2"), TOL);
  }

  @Test
  void refills_shareTheSpareSupplyByWhatEachCouldTake() {
    // Supply 30, k needs 10: 20 spare. Room: st1 takes at most 10 a day, st2 30 (inventory 0,
    // capacity 100): 10 nu + 30 nu = 20, nu = 0.5: 5 and 15.
    TestNetworks n = refillNetwork(100);
    SolvedDay d = new SolvedDay(n, EXACT).solve();
    assertEquals(10, d.served("k"), TOL);
    assertEquals(5, d.injected("st1"), TOL);
    assertEquals(15, d.injected("st2"), TOL);
  }

  @Test
  void refills_behindALimitedLink() {
    // As above with the line to st2 limited to 12: st2 stops at 12 (0.4), st1 takes 8 (0.8).
    SolvedDay d = new SolvedDay(refillNetwork(12), EXACT).solve();
    assertEquals(8, d.injected("st1"), TOL);
    assertEquals(12, d.injected("st2"), TOL);
  }

  private static TestNetworks refillNetwork(double lineToSt2) {
    return new TestNetworks()
        .source("s", 30)
        .storage("st1", 0, 10, 100, 10)
        .storage("st2", 0, 30, 100, 30)
        .sink("k", 10)
        .link("s", "k", 100)
        .link("s", "st1", 100)
        .link("s", "st2", lineToSt2);
  }

  @Test
  void any_keepsTheTierTotals() {
    // sharing: any keeps the totals of the two-sinks-behind-a-spur case (12 served, a 10)
    // and leaves the split of the spur's 2 to the solver.
    TestNetworks n =
        new TestNetworks()
            .source("s", 12)
            .junction("j")
            .sink("a", 10)
            .sink("b", 10)
            .sink("c", 10)
            .link("s", "a", 100)
            .link("s", "j", 2)
            .link("j", "b", 100)
            .link("j", "c", 100)
            .sharing(Sharing.ANY);
    SolvedDay d = new SolvedDay(n, EXACT).solve();
    assertEquals(10, d.served("a"), TOL);
    assertEquals(2, d.served("b") + d.served("c"), TOL);
  }

  @Test
  void fastPathAndExactPath_agreeOnFairShares() {
    // The fast path's per-component proportional amounts are the fair vector when it succeeds.
    TestNetworks n =
        new TestNetworks()
            .source("s1", 6)
            .sink("a", 10)
            .sink("b", 20)
            .source("s2", 9)
            .sink("c", 10)
            .sink("e", 10)
            .undirected("s1", "a", 100)
            .undirected("a", "b", 100)
            .undirected("s2", "c", 100)
            .undirected("c", "e", 100);
    SolvedDay exact = new SolvedDay(n, EXACT).solve();
    SolvedDay fast = new SolvedDay(n, SolverOptions.DEFAULTS).solve();
    assertTrue(fast.solver.statistics().fastHits() > 0);
    for (String id : new String[] {"a", "b", "c", "e"}) {
      assertEquals(exact.served(id), fast.served(id), TOL, id);
    }
    assertEquals(2, exact.served("a"), TOL);
    assertEquals(4.5, exact.served("c"), TOL);
  }
}
