#!/usr/bin/env python3
# Scenario variants for timing families of inputs (docs/performance.md, "Scenario families
# beyond the grid"): reads a scenario (e.g. one written by `./corridor-risk import`), scales one
# feature at a time and writes the variant. Needs PyYAML. Example:
#   python3 docs/scenario-variants.py gas135.yaml g-econ200.yaml --horizon 365 --rate 5 --economy 200
# Every option is listed by --help; the random choices (locations) are seeded, so a variant is
# the same file on every run.
import argparse, random, yaml, copy, sys

p = argparse.ArgumentParser()
p.add_argument("base"); p.add_argument("out")
p.add_argument("--horizon", type=int)
p.add_argument("--profile", action="store_true", help="monthly demand/supply + stepped capacity profiles")
p.add_argument("--rate", type=float, help="multiply events_per_year of poisson threats")
p.add_argument("--prob", type=float, help="set probability of independent threats")
p.add_argument("--repair", type=float, help="set repair median (lognormal, p90 = 3x)")
p.add_argument("--damage", action="store_true")
p.add_argument("--restoration", action="store_true")
p.add_argument("--crews", type=int)
p.add_argument("--mob", type=int, default=2)
p.add_argument("--hazard", type=float, help="hazard events per year")
p.add_argument("--hazard-once", type=float, help="hazard once at day 0 with this probability")
p.add_argument("--halving", type=float, default=50)
p.add_argument("--locations", action="store_true")
p.add_argument("--sharing")
p.add_argument("--storage", type=int)
p.add_argument("--capfactor", type=float)
p.add_argument("--priorities", action="store_true")
p.add_argument("--population", action="store_true")
p.add_argument("--economy", type=int, help="number of sectors")
p.add_argument("--second", type=int, help="duplicate network as a 2nd commodity; K dependencies")
p.add_argument("--maxdamage", action="store_true")
p.add_argument("--spill", action="store_true")
p.add_argument("--cost", action="store_true", help="cost_per_unit on every link")
p.add_argument("--threats", type=int, help="split poisson threats into N copies (rate / N)")
p.add_argument("--mitigations", type=int, help="N mitigations, each doubling one link's capacity (links spread over the file)")
a = p.parse_args()
rnd = random.Random(12)
d = yaml.safe_load(open(a.base))
nodes, links, threats = d["nodes"], d["links"], d["threats"]
com = d["commodities"][0]["id"]
if a.horizon: d["horizon_days"] = a.horizon
if a.capfactor:
    for l in links: l["capacity"] = round(l["capacity"] * a.capfactor, 6)
if a.locations:
    for n in nodes:
        n.setdefault("location", {"lat": round(rnd.uniform(32, 49), 5), "lon": round(rnd.uniform(-124, -104), 5)})
if a.profile:
    d["profiles"] = [
        {"id": "season", "monthly": [1.4, 1.3, 1.1, 0.9, 0.8, 0.7, 0.8, 0.9, 0.9, 1.0, 1.2, 1.3]},
        {"id": "maint", "steps": [{"from_day": 0, "factor": 1.0}, {"from_day": 100, "factor": 0.8}, {"from_day": 130, "factor": 1.0}]},
    ]
    for n in nodes:
        if n["kind"] == "sink": n["demand_profile"] = "season"
        if n["kind"] == "source": n["supply_profile"] = "season"
    for i, l in enumerate(links):
        if i % 10 == 0: l["capacity_profile"] = "maint"
sinks = [n for n in nodes if n["kind"] == "sink"]
if a.priorities:
    for i, n in enumerate(sinks): n["priority"] = 1 + (i % 3)
if a.population:
    for n in sinks: n["population"] = 1000 * (1 + rnd.randrange(100))
if a.economy:
    k = a.economy
    d["economy"] = {"sectors": [{"id": f"s{i}", "output_per_day": 1.0e6 * (i + 1)} for i in range(k)],
                    "interdependency": [[0.0 if i == j else round(0.5 / k, 4) for j in range(k)] for i in range(k)]}
    for i, n in enumerate(sinks): n["sector"] = f"s{i % k}"
if a.cost:
    for i, l in enumerate(links): l["cost_per_unit"] = 1.0 + (i % 7) * 0.1
if a.spill:
    for i, l in enumerate(links):
        if i % 3 == 0: l["spill"] = {"detection_hours": 2, "isolation_volume": 1.5}
if a.storage:
    for i in range(a.storage):
        s = sinks[(i * 7919) % len(sinks)]
        sid = f"store{i}"
        cap = max(s.get("demand", 1.0), 0.5)
        st = {"id": sid, "kind": "storage", "commodity": s["commodity"], "inventory": 20 * cap,
              "max_withdrawal": cap, "capacity": 30 * cap, "max_injection": cap / 2}
        if "location" in s: st["location"] = dict(s["location"])
        nodes.append(st)
        links.append({"id": f"store{i}-link", "from": sid, "to": s["id"], "commodity": s["commodity"],
                      "kind": links[0].get("kind", "other"), "capacity": 2 * cap, "directed": False})
if a.rate:
    for t in threats:
        if t["model"] == "poisson": t["events_per_year"] = t["events_per_year"] * a.rate
if a.prob is not None:
    for t in threats:
        if t["model"] == "independent": t["probability"] = a.prob
if a.repair:
    for t in threats: t["repair_days"] = {"dist": "lognormal", "median": a.repair, "p90": 3 * a.repair}
if a.maxdamage:
    for t in threats:
        if t["model"] == "poisson": t["selection"] = "max-damage"
if a.threats:
    new = []
    for t in threats:
        if t["model"] != "poisson": new.append(t); continue
        for j in range(a.threats):
            c = copy.deepcopy(t); c["id"] = f"{t['id']}-{j}"; c["events_per_year"] = t["events_per_year"] / a.threats
            new.append(c)
    d["threats"] = threats = new
lk = sorted({l.get("kind", "other") for l in links})
if a.hazard or a.hazard_once:
    lats = [n["location"]["lat"] for n in nodes if "location" in n]
    lons = [n["location"]["lon"] for n in nodes if "location" in n]
    h = {"id": "quake", "model": "hazard",
         "epicenter_area": {"lat": [min(lats), max(lats)], "lon": [min(lons), max(lons)]},
         "intensity": {"at_epicenter": {"dist": "uniform", "min": 0.3, "max": 0.9}, "halving_km": a.halving},
         "fragility": [{"kinds": lk, "median": 0.5, "beta": 0.6}, {"kinds": ["junction"], "median": 0.4, "beta": 0.6}],
         "repair_days": {"dist": "lognormal", "median": 10, "p90": 40}}
    if a.hazard: h["events_per_year"] = a.hazard
    else: h["probability"] = a.hazard_once; h["start_day"] = 0
    threats.append(h)
if a.damage:
    for t in threats:
        st = [{"probability": 0.4, "capacity_factor": 0.0},
              {"probability": 0.6, "capacity_factor": 0.5, "repair_days": {"dist": "fixed", "value": 5}}]
        if a.restoration:
            st[0]["restoration"] = [{"capacity_factor": 0.5, "days": {"dist": "fixed", "value": 3}},
                                    {"capacity_factor": 0.8, "days": {"dist": "uniform", "min": 1, "max": 4}}]
        t["damage"] = st
if a.crews:
    d["repair_crews"] = [{"id": "crew", "count": a.crews, "serves": {"kinds": lk + ["junction", "source"]},
                          "mobilization_days": a.mob}]
if a.second:
    # a second commodity: copy of the network, its sources supported by sinks of the first
    c2 = "b"
    d["commodities"].append({"id": c2, "unit": "u/d"})
    nn = []
    for n in nodes:
        m = copy.deepcopy(n); m["id"] = n["id"] + "_b"; m["commodity"] = c2
        m.pop("sector", None)
        nn.append(m)
    ll = []
    for l in links:
        m = copy.deepcopy(l); m["id"] = l["id"] + "_b"; m["commodity"] = c2
        m["from"] += "_b"; m["to"] += "_b"; m.pop("capacity_profile", None); m.pop("spill", None)
        ll.append(m)
    nodes.extend(nn); links.extend(ll)
    srcb = [n for n in nn if n["kind"] == "source"]
    deps = []
    for i, s in enumerate(srcb[: a.second]):
        deps.append({"sink": sinks[(i * 31) % len(sinks)]["id"], "supports": s["id"], "mode": "proportional"})
    d["dependencies"] = deps
    # threats on the first commodity's kinds already select links of both by kind
if a.mitigations:
    step = max(1, len(links) // a.mitigations)
    d["mitigations"] = [{"id": f"m{i}", "cost": 1.0e6 * (i + 1),
                         "changes": [{"link": links[(i * step) % len(links)]["id"],
                                      "set": {"capacity": 2 * links[(i * step) % len(links)]["capacity"]}}]}
                        for i in range(a.mitigations)]
if a.sharing: d["sharing"] = a.sharing
yaml.safe_dump(d, open(a.out, "w"), sort_keys=False, default_flow_style=None, width=200)
