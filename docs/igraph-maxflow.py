#!/usr/bin/env python3
"""Times igraph's C max-flow on a corridor-risk topology scenario (e.g. a member of the
binding-capacity family written by `corridor-risk bench --suite grid --family-out DIR`).

Model, as the engine's one-day trial of such a scenario with `sharing: any` (totals only):
super source -> every source (capacity = supply), every sink -> super sink (capacity = demand),
every undirected line as two directed edges of its capacity; each trial draws every line down
independently with the scenario's failure probability (seeded), and a down line gets capacity 0.

Usage: /usr/bin/python3 docs/igraph-maxflow.py SCENARIO.yaml [TRIALS] [SEED]
Prints the mean served share, the max-flow time alone and the time per trial including the
failure draw and capacity vector (one thread), and trials/s for both.
"""
import random
import sys
import time

import igraph
import yaml


def load(path):
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path) as f:
        doc = yaml.load(f, Loader=loader)
    probability = 0.0
    for threat in doc.get("threats", []):
        probability = max(probability, float(threat.get("probability", 0)))
    return doc, probability


def build(doc):
    ids = {}
    for node in doc["nodes"]:
        ids[node["id"]] = len(ids)
    s = len(ids)
    t = s + 1
    edges, caps, line_edges = [], [], []
    for node in doc["nodes"]:
        v = ids[node["id"]]
        if node["kind"] == "source":
            edges.append((s, v))
            caps.append(float(node["supply"]))
        elif node["kind"] == "sink":
            edges.append((v, t))
            caps.append(float(node["demand"]))
    for link in doc["links"]:
        u, v = ids[link["from"]], ids[link["to"]]
        c = float(link["capacity"])
        line_edges.append((len(edges), len(edges) + 1))
        edges.append((u, v))
        caps.append(c)
        edges.append((v, u))
        caps.append(c)
    g = igraph.Graph(n=t + 1, edges=edges, directed=True)
    return g, s, t, caps, line_edges


def main():
    path = sys.argv[1]
    trials = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    doc, p = load(path)
    g, s, t, caps, line_edges = build(doc)
    demand = sum(float(n["demand"]) for n in doc["nodes"] if n["kind"] == "sink")
    rng = random.Random(seed)
    flow_seconds = 0.0
    served = 0.0
    start = time.process_time()
    for _ in range(trials):
        c = list(caps)
        for a, b in line_edges:
            if rng.random() < p:
                c[a] = 0.0
                c[b] = 0.0
        t0 = time.process_time()
        served += g.maxflow_value(s, t, capacity=c)
        flow_seconds += time.process_time() - t0
    total = time.process_time() - start
    print(
        f"{path}: {g.vcount()} vertices, {g.ecount()} edges, p={p}, {trials} trials, igraph"
        f" {igraph.__version__}: mean served share {served / trials / demand:.5f}; CPU s:"
        f" max-flow {flow_seconds:.3f} ({trials / flow_seconds:.0f} max-flows/s,"
        f" {1e3 * flow_seconds / trials:.3f} ms each), per trial incl. draws {total:.3f}"
        f" ({trials / total:.0f} trials/s, one thread)"
    )


if __name__ == "__main__":
    main()
