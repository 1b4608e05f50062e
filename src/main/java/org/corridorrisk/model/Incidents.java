package org.corridorrisk.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The "time, damage and repairs" part of a scenario: a calendar, profiles (multipliers over time),
 * per-asset extras, per-threat damage states and hazard footprints, and shared repair crews. A file
 * without these keys has {@link #NONE} and means what it meant before.
 *
 * <p>Design note: kept beside the core records ({@link Node}, {@link Link}, {@link Threat}) rather
 * than inside them, keyed by id, so that the many places that build those records stay unchanged
 * and an engine that ignores this part still runs the scenario as before. Validation (unknown
 * profile ids, factors on junctions without throughput, probabilities that do not sum to 1) is done
 * when the file is read (scenario/IncidentsBuilder), with located messages.
 *
 * @param startDate date of day 0, or {@code null} (day 0 = 1 January of a non-leap year)
 * @param profiles profiles by id, in file order
 * @param assets extras by asset (node or link) id; assets without extras are absent
 * @param threats extras by threat id; threats without extras are absent
 * @param crews repair crew pools in file order (the first pool that serves an asset repairs it)
 */
public record Incidents(
    LocalDate startDate,
    Map<String, Profile> profiles,
    Map<String, AssetExtras> assets,
    Map<String, ThreatExtras> threats,
    List<RepairCrew> crews) {

  /** Nothing of this section given. */
  public static final Incidents NONE = new Incidents(null, Map.of(), Map.of(), Map.of(), List.of());

  /** The calendar day 0 stands for when no start date is given (2001 is not a leap year). */
  public static final LocalDate DEFAULT_DAY_ZERO = LocalDate.of(2001, 1, 1);

  public Incidents {
    profiles = profiles == null ? Map.of() : java.util.Collections.unmodifiableMap(profiles);
    assets = assets == null ? Map.of() : java.util.Collections.unmodifiableMap(assets);
    threats = threats == null ? Map.of() : java.util.Collections.unmodifiableMap(threats);
    crews = crews == null ? List.of() : List.copyOf(crews);
  }

  /** Whether nothing of this section is given. */
  public boolean isEmpty() {
    return startDate == null
        && profiles.isEmpty()
        && assets.isEmpty()
        && threats.isEmpty()
        && crews.isEmpty();
  }

  /** The extras of an asset, or {@link AssetExtras#NONE}. */
  public AssetExtras asset(String id) {
    return assets.getOrDefault(id, AssetExtras.NONE);
  }

  /** The extras of a threat, or {@link ThreatExtras#NONE}. */
  public ThreatExtras threat(String id) {
    return threats.getOrDefault(id, ThreatExtras.NONE);
  }

  /**
   * The month (1..12) of day {@code day}: of {@code startDate + day} when a start date is given,
   * else of day {@code day mod 365} of a non-leap year.
   */
  public int monthOf(int day) {
    if (startDate != null) {
      return startDate.plusDays(day).getMonthValue();
    }
    return DEFAULT_DAY_ZERO.plusDays(Math.floorMod(day, 365)).getMonthValue();
  }

  /** The calendar date of day {@code day}, or {@code null} without a start date. */
  public LocalDate dateOf(int day) {
    return startDate == null ? null : startDate.plusDays(day);
  }

  /** The product of the named profiles' factors on day {@code day} (1 for an empty list). */
  public double factor(List<String> profileIds, int day) {
    double f = 1;
    for (String id : profileIds) {
      Profile p = profiles.get(id);
      if (p != null) {
        f *= p.factor(day, this);
      }
    }
    return f;
  }

  /**
   * A multiplier over time.
   *
   * @param id profile id
   * @param monthly 12 factors January..December, or {@code null}
   * @param stepFrom first day of each step (ascending, the first 0), or {@code null}
   * @param stepFactor factor of each step
   */
  public record Profile(String id, double[] monthly, int[] stepFrom, double[] stepFactor) {
    public Profile {
      Checks.id(id, "profile");
      if ((monthly == null) == (stepFrom == null)) {
        throw new IllegalArgumentException(
            "profile '" + id + "' must have exactly one of monthly and steps");
      }
      monthly = monthly == null ? null : monthly.clone();
      stepFrom = stepFrom == null ? null : stepFrom.clone();
      stepFactor = stepFactor == null ? null : stepFactor.clone();
    }

    /** The factor on day {@code day} of the scenario's calendar. */
    public double factor(int day, Incidents calendar) {
      if (monthly != null) {
        return monthly[calendar.monthOf(day) - 1];
      }
      double f = stepFactor[0];
      for (int i = 1; i < stepFrom.length && stepFrom[i] <= day; i++) {
        f = stepFactor[i];
      }
      return f;
    }
  }

  /**
   * What this section adds to one node or link.
   *
   * @param profiles ids of the demand (sink), supply (source) or capacity (link) profiles, whose
   *     factors multiply; empty when none
   * @param throughput junction: most it passes per day, or {@code NaN} for no limit
   * @param repair the asset's own repair time, or {@code null}
   * @param region free-text label, or {@code null}
   * @param operator free-text label, or {@code null}
   * @param deliverability storage: withdrawal factor by fill, sorted by fill; empty = always 1
   */
  public record AssetExtras(
      List<String> profiles,
      double throughput,
      RepairTime repair,
      String region,
      String operator,
      List<DeliverabilityPoint> deliverability) {
    public static final AssetExtras NONE =
        new AssetExtras(List.of(), Double.NaN, null, null, null, List.of());

    public AssetExtras {
      profiles = profiles == null ? List.of() : List.copyOf(profiles);
      deliverability = deliverability == null ? List.of() : List.copyOf(deliverability);
    }

    /**
     * Whether these extras equal {@link #NONE} (as {@code equals(NONE)} says: a record compares a
     * double component with {@link Double#compare}, so every NaN throughput is NaN's). Spelled out
     * because a record's generated {@code equals} is linked through method handles on first use,
     * which a loader that asks once per asset of a large network pays for while the handles run
     * interpreted (docs/performance.md, "fixed cost per process").
     */
    public boolean isNone() {
      return profiles.isEmpty()
          && Double.isNaN(throughput)
          && repair == null
          && region == null
          && operator == null
          && deliverability.isEmpty();
    }

    /** The extras without a deliverability curve. */
    public AssetExtras(
        List<String> profiles,
        double throughput,
        RepairTime repair,
        String region,
        String operator) {
      this(profiles, throughput, repair, region, operator, List.of());
    }

    /**
     * The factor on a storage's {@code max_withdrawal} at {@code fill} (inventory / capacity at the
     * start of the day): linear between the curve's points, the end values beyond them, 1 without a
     * curve.
     */
    public double withdrawalFactor(double fill) {
      if (deliverability.isEmpty()) {
        return 1;
      }
      DeliverabilityPoint first = deliverability.get(0);
      if (fill <= first.fill()) {
        return first.factor();
      }
      for (int k = 1; k < deliverability.size(); k++) {
        DeliverabilityPoint hi = deliverability.get(k);
        if (fill <= hi.fill()) {
          DeliverabilityPoint lo = deliverability.get(k - 1);
          double t = (fill - lo.fill()) / (hi.fill() - lo.fill());
          return lo.factor() + t * (hi.factor() - lo.factor());
        }
      }
      return deliverability.get(deliverability.size() - 1).factor();
    }
  }

  /**
   * One point of a storage's deliverability curve: at {@code fill} (inventory / capacity, in [0,
   * 1]) it can withdraw {@code factor} (in [0, 1]) of its {@code max_withdrawal}.
   */
  public record DeliverabilityPoint(double fill, double factor) {}

  /**
   * What this section adds to one threat.
   *
   * @param damage damage states (probabilities sum to 1); empty = one state, factor 0
   * @param rateProfile ids of the profiles scaling a Poisson or hazard rate; empty when none
   * @param hazard the footprint of a {@code hazard} threat, else {@code null}
   */
  public record ThreatExtras(List<DamageState> damage, List<String> rateProfile, Hazard hazard) {
    public static final ThreatExtras NONE = new ThreatExtras(List.of(), List.of(), null);

    public ThreatExtras {
      damage = damage == null ? List.of() : List.copyOf(damage);
      rateProfile = rateProfile == null ? List.of() : List.copyOf(rateProfile);
    }

    /** Whether these extras equal {@link #NONE} (spelled out as {@link AssetExtras#isNone}). */
    public boolean isNone() {
      return damage.isEmpty() && rateProfile.isEmpty() && hazard == null;
    }
  }

  /**
   * One damage state of a successful hit.
   *
   * @param probability chance of this state given a hit
   * @param capacityFactor share of the day's capacity the asset keeps while out (0 = out)
   * @param repair the state's own repair time (wins over the asset's and the threat's), or null
   * @param restoration stages after the repair, in order
   */
  public record DamageState(
      double probability, double capacityFactor, RepairTime repair, List<Stage> restoration) {
    public DamageState {
      Checks.probability(probability, "probability", "damage state");
      Checks.inRange(capacityFactor, 0, 1, "capacity_factor", "damage state");
      restoration = restoration == null ? List.of() : List.copyOf(restoration);
    }
  }

  /**
   * A stage of staged restoration: the asset works at {@code capacityFactor} for {@code days}
   * (rounded up).
   */
  public record Stage(double capacityFactor, RepairTime days) {
    public Stage {
      Checks.inRange(capacityFactor, 0, 1, "capacity_factor", "restoration stage");
      Checks.notNull(days, "days", "restoration stage");
    }
  }

  /**
   * A hazard's footprint.
   *
   * @param epicenter fixed epicentre, or {@code null} when drawn in the area
   * @param latMin area: south edge (degrees); unused with a fixed epicentre
   * @param latMax area: north edge
   * @param lonMin area: west edge
   * @param lonMax area: east edge
   * @param intensity the distribution of the intensity at the epicentre, or {@code null} for a
   *     fixed number
   * @param intensityValue the intensity at the epicentre when {@code intensity} is {@code null}
   * @param halvingKm distance over which the intensity halves (km, > 0)
   * @param fragility fragility entries in file order (the first matching an asset's kind applies)
   */
  public record Hazard(
      Location epicenter,
      double latMin,
      double latMax,
      double lonMin,
      double lonMax,
      RepairTime intensity,
      double intensityValue,
      double halvingKm,
      List<Fragility> fragility) {
    public Hazard {
      Checks.positiveAnySize(halvingKm, "halving_km", "hazard");
      fragility = fragility == null ? List.of() : List.copyOf(fragility);
    }
  }

  /**
   * Lognormal fragility of the assets of some kinds: failure probability {@code Phi(ln(I / median)
   * / beta)}.
   */
  public record Fragility(List<String> kinds, double median, double beta) {
    public Fragility {
      kinds = List.copyOf(kinds);
      Checks.positiveAnySize(median, "median", "fragility");
      Checks.positiveAnySize(beta, "beta", "fragility");
    }
  }

  /**
   * A pool of repair crews.
   *
   * @param id pool id
   * @param count crews in the pool (>= 1)
   * @param serves the selector of the assets it repairs, as written
   * @param mobilizationDays days added before each repair starts (whole days)
   * @param assets the served asset ids, resolved like threat targets
   */
  public record RepairCrew(
      String id, int count, TargetSpec serves, int mobilizationDays, List<String> assets) {
    public RepairCrew {
      Checks.id(id, "repair crew");
      if (count < 1) {
        throw new IllegalArgumentException(
            "count must be >= 1, was " + count + " (repair crew '" + id + "')");
      }
      if (mobilizationDays < 0) {
        throw new IllegalArgumentException(
            "mobilization_days must be >= 0, was "
                + mobilizationDays
                + " (repair crew '"
                + id
                + "')");
      }
      assets = assets == null ? List.of() : List.copyOf(assets);
    }
  }
}
