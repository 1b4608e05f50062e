#!/usr/bin/env python3
"""How far round a failed line the failed grid still reaches (issue 15, session 21 notes).

For STATES random failure states of a grid member (each line down with the member's threat
probability, Python's own generator seeded 1: not the simulator's streams), this counts, per day,
the failed lines whose two ends are in different pieces of the failed grid (no detour exists) and,
for the others, the length of the shortest detour over the lines that are up. Residual capacity is
not looked at, so the counts bound what a short repair round a failed line could do.

    /usr/bin/python3 docs/grid-detours.py MEMBER.yaml [STATES]

MEMBER.yaml is a member written by `corridor-risk bench --suite grid --family-out DIR`. Needs
igraph (Debian's python3-igraph) and PyYAML, as docs/igraph-maxflow.py.
"""
import collections
import random
import sys

import igraph
import yaml


def main():
    path = sys.argv[1]
    states = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path) as f:
        doc = yaml.load(f, Loader=loader)
    probability = max(float(t.get("probability", 0)) for t in doc.get("threats", []))
    ids = {node["id"]: i for i, node in enumerate(doc["nodes"])}
    lines = [(ids[link["from"]], ids[link["to"]]) for link in doc["links"]]
    rng = random.Random(1)
    failed_total = 0
    cut_total = 0
    lengths = collections.Counter()
    for _ in range(states):
        up, down = [], []
        for line in lines:
            (down if rng.random() < probability else up).append(line)
        grid = igraph.Graph(n=len(ids), edges=up)
        piece = grid.connected_components().membership
        for u, v in down:
            failed_total += 1
            if piece[u] != piece[v]:
                cut_total += 1
            else:
                lengths[grid.distances(u, v)[0][0]] += 1
    print(f"{path}: {states} failure states at p = {probability}, per day:")
    print(f"  failed lines {failed_total / states:.1f}, ends in different pieces {cut_total / states:.1f}")
    for length in sorted(lengths):
        print(f"  shortest detour of {length} lines: {lengths[length] / states:.1f}")


if __name__ == "__main__":
    main()
