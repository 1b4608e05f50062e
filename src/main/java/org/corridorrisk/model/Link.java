package org.corridorrisk.model;

/**
 * A link carrying one commodity between two nodes of that commodity.
 *
 * @param id unique among nodes and links
 * @param from id of the tail node
 * @param to id of the head node
 * @param commodity id of the commodity it carries
 * @param kind physical kind
 * @param capacityPerDay maximum flow per day (in either direction when undirected)
 * @param directed {@code false}: flow may go either way, up to the same capacity
 * @param lengthKm length, or {@code NaN} when not given
 * @param corridor shared right-of-way / common-mode group, or {@code null}
 * @param costPerUnit transport cost per unit of flow (0 when not given)
 * @param spill spill data, or {@code null} for links that do not spill
 */
public record Link(
    String id,
    String from,
    String to,
    String commodity,
    LinkKind kind,
    double capacityPerDay,
    boolean directed,
    double lengthKm,
    String corridor,
    double costPerUnit,
    Spill spill) {

  public Link {
    Checks.id(id, "link");
    String owner = "link '" + id + "'";
    Checks.notNull(from, "from", owner);
    Checks.notNull(to, "to", owner);
    Checks.notNull(commodity, "commodity", owner);
    Checks.notNull(kind, "kind", owner);
    Checks.nonNegative(capacityPerDay, "capacity", owner);
    if (!Double.isNaN(lengthKm)) {
      Checks.nonNegative(lengthKm, "length_km", owner);
    }
    Checks.nonNegative(costPerUnit, "cost_per_unit", owner);
  }

  /** A directed link of kind {@code other} with no cost, corridor or spill data. */
  public static Link of(
      String id, String from, String to, String commodity, double capacityPerDay) {
    return new Link(
        id, from, to, commodity, LinkKind.OTHER, capacityPerDay, true, Double.NaN, null, 0, null);
  }

  /** This link, undirected. */
  public Link undirected() {
    return new Link(
        id,
        from,
        to,
        commodity,
        kind,
        capacityPerDay,
        false,
        lengthKm,
        corridor,
        costPerUnit,
        spill);
  }

  /** This link with another kind, corridor, cost and spill. */
  public Link with(LinkKind newKind, String newCorridor, double newCostPerUnit, Spill newSpill) {
    return new Link(
        id,
        from,
        to,
        commodity,
        newKind,
        capacityPerDay,
        directed,
        lengthKm,
        newCorridor,
        newCostPerUnit,
        newSpill);
  }
}
