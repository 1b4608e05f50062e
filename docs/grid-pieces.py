#!/usr/bin/env python3
"""Maximum flow of a failed grid by contraction and refinement (issue 15, session 10 notes).

For a few random failure states of a grid member (each line down with probability P, Python's own
generator with seeds 0, 1, ...: not the simulator's streams), this compares the exact maximum flow
with the following exact scheme, and prints how many rounds it needs and how large its contracted
graph ends up:

1. A breadth-first forest over the up lines from every source.
2. Pieces: the trees, cut at the tree lines promoted so far. Each piece becomes one node (its lines
   of infinite capacity) with its supply and demand; the lines between pieces keep their
   capacities. The contracted graph's maximum flow bounds the network's from above.
3. That flow fixes what each piece serves and what crosses between pieces. Inside a piece the sinks
   are served in search order and each tree line carries the net imbalance of the subtree below it.
   If every tree line is within its capacity, the network's flow meets the bound and is maximal;
   otherwise the tree lines over capacity are promoted and step 2 repeats.

    python3 docs/grid-pieces.py MEMBER.yaml P [STATES]
    python3 docs/grid-pieces.py grid-cap5x-src5-p10.yaml 0.1 2

MEMBER.yaml is a member written by `corridor-risk bench --suite grid --family-out DIR` (sources,
sinks and undirected lines, as `corridor-risk import` writes them). Plain Python, no packages.
"""
import collections
import random
import sys


def read_member(path):
    """Nodes (supply, demand) and lines (ends, capacity) of a generated grid member."""
    names, kind, value, ends, cap = [], {}, {}, [], []
    section, node, tail = None, None, None
    for line in open(path).read().split("\n"):
        if line in ("nodes:", "links:", "threats:"):
            section = line[:-1]
            continue
        key, _, val = line.strip().partition(": ")
        if section == "nodes":
            if line.startswith("  - id:"):
                node = val
                names.append(node)
            elif key == "kind":
                kind[node] = val
            elif key in ("supply", "demand"):
                value[node] = float(val)
        elif section == "links":
            if key == "from":
                tail = val
            elif key == "to":
                ends.append((tail, val))
            elif key == "capacity":
                cap.append(float(val))
    index = {x: i for i, x in enumerate(names)}
    supply = [value[x] if kind[x] == "source" else 0.0 for x in names]
    demand = [value.get(x, 0.0) if kind[x] == "sink" else 0.0 for x in names]
    return supply, demand, [(index[a], index[b]) for a, b in ends], cap


class Dinic:
    """Dinic's maximum flow on a small graph (arcs as [head, residual, index of the twin])."""

    def __init__(self, nodes):
        self.n = nodes
        self.adj = [[] for _ in range(nodes)]

    def add(self, u, v, forward, backward=0.0):
        self.adj[u].append([v, forward, len(self.adj[v])])
        self.adj[v].append([u, backward, len(self.adj[u]) - 1])
        return u, len(self.adj[u]) - 1, forward

    def flow(self, arc):
        u, k, capacity = arc
        return capacity - self.adj[u][k][1]

    def run(self, s, t):
        total = 0.0
        while True:
            level = [-1] * self.n
            level[s] = 0
            queue = collections.deque([s])
            while queue:
                u = queue.popleft()
                for v, residual, _ in self.adj[u]:
                    if residual > 1e-9 and level[v] < 0:
                        level[v] = level[u] + 1
                        queue.append(v)
            if level[t] < 0:
                return total
            position = [0] * self.n
            while True:
                pushed = self._push(s, t, float("inf"), level, position)
                if pushed <= 1e-12:
                    break
                total += pushed

    def _push(self, u, t, limit, level, position):
        if u == t:
            return limit
        while position[u] < len(self.adj[u]):
            arc = self.adj[u][position[u]]
            v, residual, twin = arc
            if residual > 1e-9 and level[v] == level[u] + 1:
                pushed = self._push(v, t, min(limit, residual), level, position)
                if pushed > 1e-12:
                    arc[1] -= pushed
                    self.adj[v][twin][1] += pushed
                    return pushed
            position[u] += 1
        return 0.0


def exact(supply, demand, ends, cap, up):
    n = len(supply)
    d = Dinic(n + 2)
    for i in range(n):
        if supply[i] > 0:
            d.add(n, i, supply[i])
        if demand[i] > 0:
            d.add(i, n + 1, demand[i])
    for j in up:
        d.add(ends[j][0], ends[j][1], cap[j], cap[j])
    return d.run(n, n + 1)


def by_pieces(supply, demand, ends, cap, up):
    """Returns (flow value, rounds, pieces, lines between pieces) of the refinement."""
    n = len(supply)
    adj = collections.defaultdict(list)
    for j in up:
        a, b = ends[j]
        adj[a].append((b, j))
        adj[b].append((a, j))
    parent, parent_line, order = [-2] * n, [-1] * n, []
    queue = collections.deque(i for i in range(n) if supply[i] > 0)
    for i in queue:
        parent[i] = -1
    while queue:
        u = queue.popleft()
        order.append(u)
        for v, j in adj[u]:
            if parent[v] == -2:
                parent[v], parent_line[v] = u, j
                queue.append(v)
    reached = set(order)
    promoted = set()
    rounds = 0
    while True:
        rounds += 1
        piece = {}
        for u in order:
            cut = parent[u] == -1 or parent_line[u] in promoted
            piece[u] = u if cut else piece[parent[u]]
        ids = {root: k for k, root in enumerate(sorted(set(piece.values())))}
        count = len(ids)
        piece_supply, piece_demand = [0.0] * count, [0.0] * count
        for u in order:
            piece_supply[ids[piece[u]]] += supply[u]
            piece_demand[ids[piece[u]]] += demand[u]
        d = Dinic(count + 2)
        source_arc = [d.add(count, k, piece_supply[k]) if piece_supply[k] > 0 else None
                      for k in range(count)]
        sink_arc = [d.add(k, count + 1, piece_demand[k]) if piece_demand[k] > 0 else None
                    for k in range(count)]
        between = []
        for j in up:
            a, b = ends[j]
            if a in reached and b in reached and piece[a] != piece[b]:
                between.append((j, d.add(ids[piece[a]], ids[piece[b]], cap[j], cap[j])))
        value = d.run(count, count + 1)
        # need[u]: what u must receive over its tree line (served + exported - imported - injected)
        need = collections.defaultdict(float)
        for j, arc in between:
            f = d.flow(arc)
            need[ends[j][0]] += f
            need[ends[j][1]] -= f
        left = [d.flow(arc) if arc else 0.0 for arc in sink_arc]
        for u in order:
            k = ids[piece[u]]
            served = min(demand[u], left[k])
            left[k] -= served
            need[u] += served
            if parent[u] == -1 and source_arc[k]:
                need[u] -= d.flow(source_arc[k])
        over = []
        for u in reversed(order):
            line = parent_line[u]
            if parent[u] >= 0 and line not in promoted:
                if abs(need[u]) > cap[line] + 1e-9:
                    over.append(line)
                need[parent[u]] += need[u]
        if not over:
            return value, rounds, count, len(between)
        promoted.update(over)


def main():
    supply, demand, ends, cap = read_member(sys.argv[1])
    p = float(sys.argv[2])
    states = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    sys.setrecursionlimit(100000)
    for seed in range(states):
        rng = random.Random(seed)
        up = [j for j in range(len(ends)) if rng.random() >= p]
        value, rounds, pieces, between = by_pieces(supply, demand, ends, cap, up)
        print(
            "state %d: exact %.3f, by pieces %.3f after %d rounds (%d pieces, %d lines between)"
            % (seed, exact(supply, demand, ends, cap, up), value, rounds, pieces, between)
        )


if __name__ == "__main__":
    main()
