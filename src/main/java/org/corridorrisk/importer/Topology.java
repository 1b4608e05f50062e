package org.corridorrisk.importer;

import java.util.List;

/**
 * An undirected simple graph read from a topology-only file: node ids as in the file, optional
 * WGS84 positions, and edges without self-loops or repeats.
 *
 * @param nodeIds ids as written in the file (sanitized later)
 * @param lat latitude per node in degrees, {@code NaN} when unknown
 * @param lon longitude per node in degrees, {@code NaN} when unknown
 * @param edgeIds edge ids as written in the file, or {@code null} entries when the file has none
 * @param edgeFrom tail node index per edge
 * @param edgeTo head node index per edge
 * @param selfLoopsDropped edges from a node to itself that were dropped
 * @param repeatsDropped edges that repeat an earlier one (either direction) and were dropped
 */
record Topology(
    List<String> nodeIds,
    double[] lat,
    double[] lon,
    List<String> edgeIds,
    int[] edgeFrom,
    int[] edgeTo,
    int selfLoopsDropped,
    int repeatsDropped) {

  int nodeCount() {
    return nodeIds.size();
  }

  int edgeCount() {
    return edgeFrom.length;
  }
}
