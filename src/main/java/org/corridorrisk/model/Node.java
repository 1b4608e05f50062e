package org.corridorrisk.model;

/**
 * A node of one commodity's network. Fields that do not apply to the node's kind are zero (e.g. a
 * junction's supply), so engine code can read every field without branching on kind.
 *
 * <p>All volumes are in the commodity's unit; "per day" rates in that unit per day.
 *
 * @param id unique among nodes and links
 * @param kind what the node does
 * @param commodity id of the commodity it belongs to
 * @param supplyPerDay source: maximum injection per day (0 for other kinds)
 * @param demandPerDay sink: demand per day (0 for other kinds)
 * @param priority sink: 1 = served first; larger numbers later (1 for other kinds)
 * @param population sink: people depending on this demand (0 for other kinds)
 * @param valueOfLostLoad sink: currency per unit of unserved commodity
 * @param sector sink: economy sector this demand feeds, or {@code null}
 * @param inventory storage: volume at day 0
 * @param maxWithdrawalPerDay storage: most it can deliver per day
 * @param storageCapacity storage: refill ceiling (volume); below {@code inventory} the engine takes
 *     {@code inventory} as the ceiling (the storage holds what it starts with)
 * @param maxInjectionPerDay storage: most it can refill per day
 * @param location WGS84 position, or {@code null} when unknown
 */
public record Node(
    String id,
    NodeKind kind,
    String commodity,
    double supplyPerDay,
    double demandPerDay,
    int priority,
    double population,
    double valueOfLostLoad,
    String sector,
    double inventory,
    double maxWithdrawalPerDay,
    double storageCapacity,
    double maxInjectionPerDay,
    Location location) {

  public Node {
    Checks.id(id, "node");
    String owner = "node '" + id + "'";
    Checks.notNull(kind, "kind", owner);
    Checks.notNull(commodity, "commodity", owner);
    Checks.nonNegative(supplyPerDay, "supply", owner);
    Checks.nonNegative(demandPerDay, "demand", owner);
    if (priority < 1) {
      throw RuleException.of(
          "priority", Rule.RANGE, priority, "must be >= 1, was " + priority, owner);
    }
    Checks.nonNegative(population, "population", owner);
    Checks.nonNegative(valueOfLostLoad, "value_of_lost_load", owner);
    Checks.nonNegative(inventory, "inventory", owner);
    Checks.nonNegative(maxWithdrawalPerDay, "max_withdrawal", owner);
    Checks.nonNegative(storageCapacity, "capacity", owner);
    Checks.nonNegative(maxInjectionPerDay, "max_injection", owner);
  }

  /** A source injecting up to {@code supplyPerDay}. */
  public static Node source(String id, String commodity, double supplyPerDay) {
    return new Node(
        id, NodeKind.SOURCE, commodity, supplyPerDay, 0, 1, 0, 0, null, 0, 0, 0, 0, null);
  }

  /** A priority-1 sink with no population, value of lost load or sector. */
  public static Node sink(String id, String commodity, double demandPerDay) {
    return new Node(id, NodeKind.SINK, commodity, 0, demandPerDay, 1, 0, 0, null, 0, 0, 0, 0, null);
  }

  /** A junction. */
  public static Node junction(String id, String commodity) {
    return new Node(id, NodeKind.JUNCTION, commodity, 0, 0, 1, 0, 0, null, 0, 0, 0, 0, null);
  }

  /** A storage with the given inventory, withdrawal rate, capacity and injection rate. */
  public static Node storage(
      String id,
      String commodity,
      double inventory,
      double maxWithdrawalPerDay,
      double storageCapacity,
      double maxInjectionPerDay) {
    return new Node(
        id,
        NodeKind.STORAGE,
        commodity,
        0,
        0,
        1,
        0,
        0,
        null,
        inventory,
        maxWithdrawalPerDay,
        storageCapacity,
        maxInjectionPerDay,
        null);
  }

  /** This sink with other priority, population, value of lost load and sector. */
  public Node withSinkDetails(
      int newPriority, double newPopulation, double newValueOfLostLoad, String newSector) {
    return new Node(
        id,
        kind,
        commodity,
        supplyPerDay,
        demandPerDay,
        newPriority,
        newPopulation,
        newValueOfLostLoad,
        newSector,
        inventory,
        maxWithdrawalPerDay,
        storageCapacity,
        maxInjectionPerDay,
        location);
  }

  /** This node at another location. */
  public Node withLocation(Location newLocation) {
    return new Node(
        id,
        kind,
        commodity,
        supplyPerDay,
        demandPerDay,
        priority,
        population,
        valueOfLostLoad,
        sector,
        inventory,
        maxWithdrawalPerDay,
        storageCapacity,
        maxInjectionPerDay,
        newLocation);
  }
}
