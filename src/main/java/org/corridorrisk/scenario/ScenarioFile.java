package org.corridorrisk.scenario;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The scenario file as written: plain records mirroring the document, one per section, every field
 * nullable (absent = default, applied by {@link ModelBuilder}). Jackson maps the schema-sanitized
 * tree into these with snake_case names ({@code max_withdrawal} -> {@code maxWithdrawal}). Nothing
 * outside this package sees them.
 */
@JsonIgnoreProperties({"start_date", "profiles", "repair_crews"})
record ScenarioFile(
    String format,
    String name,
    String description,
    Integer horizonDays,
    String currency,
    List<CommoditySpec> commodities,
    List<NodeSpec> nodes,
    List<LinkSpec> links,
    List<ThreatSpec> threats,
    List<DependencySpec> dependencies,
    List<MitigationSpec> mitigations,
    EconomySpec economy,
    String sharing) {

  record CommoditySpec(String id, String unit) {}

  record LocationSpec(Double lat, Double lon) {}

  @JsonIgnoreProperties({
    "demand_profile",
    "supply_profile",
    "throughput",
    "deliverability",
    "repair_days",
    "region",
    "operator"
  })
  record NodeSpec(
      String id,
      String kind,
      String commodity,
      Double supply,
      Double demand,
      Integer priority,
      Double population,
      Double valueOfLostLoad,
      String sector,
      Double inventory,
      Double maxWithdrawal,
      Double capacity,
      Double maxInjection,
      LocationSpec location) {}

  record SpillSpec(Double detectionHours, Double isolationVolume) {}

  @JsonIgnoreProperties({"capacity_profile", "repair_days", "region", "operator"})
  record LinkSpec(
      String id,
      String from,
      String to,
      String commodity,
      String kind,
      Double capacity,
      Boolean directed,
      Double lengthKm,
      String corridor,
      Double costPerUnit,
      SpillSpec spill) {}

  record TargetsSpec(
      List<String> links,
      List<String> nodes,
      List<String> kinds,
      List<String> commodities,
      List<String> corridors) {}

  record RepairSpec(
      String dist,
      Double value,
      Double mean,
      Double median,
      Double p90,
      Double min,
      Double mode,
      Double max) {}

  @JsonIgnoreProperties({
    "damage",
    "rate_profile",
    "epicenter",
    "epicenter_area",
    "intensity",
    "fragility"
  })
  record ThreatSpec(
      String id,
      String model,
      Double eventsPerYear,
      Double probability,
      Integer startDay,
      String selection,
      Double successProbability,
      Boolean commonMode,
      TargetsSpec targets,
      RepairSpec repairDays) {}

  record DependencySpec(String sink, String supports, String mode) {}

  /**
   * One patch: {node|link|threat|repair_crew|profile: id, set: {...}}, {add_link: {...}} or
   * {add_node: {...}}.
   */
  record ChangeSpec(
      String node,
      String link,
      String threat,
      String repairCrew,
      String profile,
      JsonNode set,
      JsonNode addLink,
      JsonNode addNode) {}

  record MitigationSpec(String id, Double cost, String description, List<ChangeSpec> changes) {}

  record SectorSpec(String id, Double outputPerDay) {}

  record EconomySpec(List<SectorSpec> sectors, List<List<Double>> interdependency) {}
}
