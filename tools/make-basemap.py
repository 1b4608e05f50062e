#!/usr/bin/env python3
"""Converts Natural Earth 1:50m land and country borders from the npm package world-atlas 2.0.2
(TopoJSON, public domain) into the compact base map the network map draws on:
src/main/resources/org/corridorrisk/report/charts/naturalearth-50m.bin.gz

Run once (the output is checked in; viewing a report needs no network access):

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 tools/make-basemap.py /tmp/package/countries-50m.json

Format (big-endian, gzip-compressed; read by report/charts/BaseMap.java):
    int magic 0x4352424D ("CRBM"), int version 1
    double scaleLon, scaleLat, translateLon, translateLat   (lon = q * scale + translate)
    int arcCount; per arc: int pointCount, then pointCount pairs of zigzag varints: the first
        pair is the quantized position, the others are deltas (as TopoJSON stores arcs)
    int landPolygonCount; per polygon: int ringCount; per ring: int arcCount, then zigzag
        varint arc references (i, or ~i for arc i reversed, as in TopoJSON)
    int borderArcCount, then varint arc indices: the arcs of country outlines that are not
        coastline (land boundaries between countries)
"""
import gzip
import json
import struct
import sys


def zigzag(v):
    return (v << 1) ^ (v >> 63)


def varint(out, v):
    while True:
        b = v & 0x7F
        v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


COARSEN = 3  # quantization step multiplied by this (about 1 km at the equator): half the size


def coarsen(arc):
    """Absolute positions rounded to the coarser grid, repeated points dropped, deltas again."""
    x = y = 0
    points = []
    for dx, dy in arc:
        x += dx
        y += dy
        p = (round(x / COARSEN), round(y / COARSEN))
        if not points or points[-1] != p:
            points.append(p)
    if len(points) == 1:
        points.append(points[0])
    out = [points[0]]
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        out.append((bx - ax, by - ay))
    return out


def main(path, out_path):
    topo = json.load(open(path))
    t = topo["transform"]
    t = {"scale": [t["scale"][0] * COARSEN, t["scale"][1] * COARSEN], "translate": t["translate"]}
    arcs = [coarsen(a) for a in topo["arcs"]]
    land = []
    for g in topo["objects"]["land"]["geometries"]:
        land.extend(polygons(g))
    land_arcs = {a if a >= 0 else ~a for poly in land for ring in poly for a in ring}
    border = set()
    for g in topo["objects"]["countries"]["geometries"]:
        for poly in polygons(g):
            for ring in poly:
                for a in ring:
                    i = a if a >= 0 else ~a
                    if i not in land_arcs:
                        border.add(i)
    out = bytearray()
    out += struct.pack(">ii", 0x4352424D, 1)
    out += struct.pack(">dddd", t["scale"][0], t["scale"][1], t["translate"][0], t["translate"][1])
    out += struct.pack(">i", len(arcs))
    for arc in arcs:
        out += struct.pack(">i", len(arc))
        for x, y in arc:
            varint(out, zigzag(x))
            varint(out, zigzag(y))
    out += struct.pack(">i", len(land))
    for poly in land:
        out += struct.pack(">i", len(poly))
        for ring in poly:
            out += struct.pack(">i", len(ring))
            for a in ring:
                varint(out, zigzag(a))
    out += struct.pack(">i", len(border))
    for i in sorted(border):
        varint(out, i)
    with gzip.GzipFile(out_path, "wb", mtime=0) as f:
        f.write(bytes(out))
    print(f"{len(arcs)} arcs, {sum(len(a) for a in arcs)} points, {len(land)} land polygons, "
          f"{len(border)} border arcs, {len(out)} bytes raw")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else
         "src/main/resources/org/corridorrisk/report/charts/naturalearth-50m.bin.gz")
