#!/usr/bin/env python3
# A power-grid-like network of N nodes as a MatrixMarket file (docs/performance.md, "Scenario
# families at scale (session 28)"): nodes on a square lattice, a random spanning tree of lattice
# edges (each node joined to its left or upper neighbour), so the network is connected, then each
# other lattice edge with probability 0.16 and one long line per 200 nodes: about 1.33 links a
# node, as the Western US grid has. Seeded: the same N gives the same file on every run. Plain
# Python, no packages. Example:
#   python3 docs/grid-sizes.py 20000 grid20k.mtx
#   ./corridor-risk import grid20k.mtx --out grid20k.yaml
import random, sys

n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(28)
w = max(2, round(n ** 0.5))
edges = set()
for i in range(1, n):
    r, c = divmod(i, w)
    left, up = (i - 1 if c > 0 else None), (i - w if r > 0 else None)
    choices = [j for j in (left, up) if j is not None]
    tree = rnd.choice(choices)
    edges.add((tree, i))
    for j in choices:
        if j != tree and rnd.random() < 0.32:
            edges.add((j, i))
for _ in range(n // 200):
    a, b = rnd.randrange(n), rnd.randrange(n)
    if a != b:
        edges.add((min(a, b), max(a, b)))
with open(out, "w") as f:
    f.write("%%MatrixMarket matrix coordinate pattern symmetric\n")
    f.write(f"{n} {n} {len(edges)}\n")
    for a, b in sorted(edges):
        f.write(f"{b + 1} {a + 1}\n")
