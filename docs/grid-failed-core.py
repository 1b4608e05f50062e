#!/usr/bin/env python3
"""How much of the Western US power grid stays in the 2-core when lines fail (issue 15 notes).

For a few random failure states (each line down with probability P, Python's own generator with a
fixed seed: not the simulator's streams), prints the nodes and lines of the failed graph's 2-core,
its components and how many of its nodes are sources or sinks after the trees outside it have
passed their supply and demand on (each leaf sends min(surplus, capacity) to its neighbour or asks
it for min(deficit, capacity), which is exact for a maximum total delivery), and the largest
2-edge-connected component of the failed graph (what is left of it with its bridges removed: the
largest piece a decomposition at single lines would still have to solve as one maximum flow).

    python3 docs/grid-failed-core.py SOURCE_SHARE P CAPACITY [STATES]
    python3 docs/grid-failed-core.py 0.05 0.1 8.829489 3

Sources are the best-connected nodes (degree, ties by file order) with supply = 1.2 x the number
of sinks / the number of sources; every other node is a sink of demand 1, as `bench --suite grid`
builds its members. Needs networkx.
"""
import random
import sys
from pathlib import Path

import networkx as nx

share, p, cap = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
states = int(sys.argv[4]) if len(sys.argv) > 4 else 3
data = Path(__file__).resolve().parent.parent / "data/power-grid/western-us-power-grid.mtx"
edges = set()
for line in data.read_text().splitlines():
    if line.startswith("%"):
        continue
    cols = line.split()
    if len(cols) >= 2 and cols[0] != cols[1]:
        a, b = int(cols[0]), int(cols[1])
        edges.add((min(a, b), max(a, b)))
edges = sorted(edges)
grid = nx.Graph(edges)
order = sorted(grid.nodes(), key=lambda v: (-grid.degree(v), v))
sources = set(order[: round(len(order) * share)])
supply = (len(order) - len(sources)) * 1.2 / len(sources)
print(f"grid: {grid.number_of_nodes()} nodes, {len(edges)} lines; {len(sources)} sources")
rng = random.Random(1)
for state in range(states):
    failed = nx.Graph()
    failed.add_nodes_from(grid.nodes())
    failed.add_edges_from(e for e in edges if rng.random() >= p)
    balance = {v: (supply if v in sources else -1.0) for v in failed}
    degree = dict(failed.degree())
    alive = set(failed.nodes())
    leaves = [v for v in failed if degree[v] <= 1]
    while leaves:
        v = leaves.pop()
        if v not in alive or degree[v] > 1:
            continue
        alive.discard(v)
        for u in failed[v]:
            if u in alive:
                balance[u] += max(-cap, min(cap, balance[v]))
                degree[u] -= 1
                if degree[u] <= 1:
                    leaves.append(u)
    no_bridges = failed.copy()
    no_bridges.remove_edges_from(list(nx.bridges(failed)))
    largest_2ec = max(len(c) for c in nx.connected_components(no_bridges))
    core = failed.subgraph(alive)
    surplus = sum(1 for v in alive if balance[v] > 1e-9)
    deficit = sum(1 for v in alive if balance[v] < -1e-9)
    print(
        f"state {state}: 2-core {core.number_of_nodes()} nodes, {core.number_of_edges()} lines, "
        f"{nx.number_connected_components(core)} components; {surplus} with surplus, "
        f"{deficit} with deficit; largest 2-edge-connected component {largest_2ec} nodes"
    )
