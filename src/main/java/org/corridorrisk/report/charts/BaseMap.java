package org.corridorrisk.report.charts;

import java.awt.geom.Path2D;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * Natural Earth 1:50m land and country borders (public domain; from the npm package {@code
 * world-atlas} 2.0.2, converted by {@code tools/make-basemap.py}), bundled in the jar so a report
 * needs no network access, cut to the part a map shows.
 *
 * <p>The resource keeps the TopoJSON structure: shared arcs (polylines) in quantized, delta-encoded
 * coordinates; land polygons as rings of arc references; border arcs (country outlines that are not
 * coast) as a list. It is decoded once (about 80,000 points, a few milliseconds) and shared;
 * instances are immutable and thread-safe.
 *
 * <p>{@link #cut} clips rings to the view box (Sutherland-Hodgman against each edge; a ring that
 * encloses the view becomes the view's rectangle) and border lines segment by segment, and drops
 * points closer than a given step to the last one kept (about half a pixel), so a map of a country
 * carries a few thousand points rather than the whole world. Rejected: clipping in the browser with
 * an SVG clip path (the page would carry every coast on Earth, about 2 MB) and a coarser 1:110m set
 * (coasts visibly angular at the scale of a corridor).
 *
 * <p>Coordinates are degrees: x = longitude (east positive), y = latitude (north positive). The
 * antimeridian is not handled (a view across 180° shows only one side's land).
 */
final class BaseMap {
  static final String RESOURCE = "naturalearth-50m.bin.gz";

  /** Who to credit, shown under every map that draws the base map. */
  static final String ATTRIBUTION = "Base map: Natural Earth 1:50m (public domain)";

  private static final int MAGIC = 0x4352424D;

  private final double[][] arcX;
  private final double[][] arcY;

  /** Per arc: minX, minY, maxX, maxY. */
  private final double[][] arcBox;

  /** polygon, ring, arc references (i, or ~i for arc i reversed). */
  private final int[][][] land;

  /** Per polygon: its bounding box (of its outer ring). */
  private final double[][] landBox;

  private final int[] borders;

  private BaseMap(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC || in.readInt() != 1) {
      throw new IOException("not a corridor-risk base map (version 1)");
    }
    double scaleX = in.readDouble();
    double scaleY = in.readDouble();
    double translateX = in.readDouble();
    double translateY = in.readDouble();
    int arcs = in.readInt();
    arcX = new double[arcs][];
    arcY = new double[arcs][];
    arcBox = new double[arcs][];
    for (int a = 0; a < arcs; a++) {
      int n = in.readInt();
      double[] xs = new double[n];
      double[] ys = new double[n];
      long qx = 0;
      long qy = 0;
      double[] box = {
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY
      };
      for (int i = 0; i < n; i++) {
        qx += zigzag(in);
        qy += zigzag(in);
        xs[i] = qx * scaleX + translateX;
        ys[i] = qy * scaleY + translateY;
        box[0] = Math.min(box[0], xs[i]);
        box[1] = Math.min(box[1], ys[i]);
        box[2] = Math.max(box[2], xs[i]);
        box[3] = Math.max(box[3], ys[i]);
      }
      arcX[a] = xs;
      arcY[a] = ys;
      arcBox[a] = box;
    }
    int polygons = in.readInt();
    land = new int[polygons][][];
    landBox = new double[polygons][];
    for (int p = 0; p < polygons; p++) {
      int rings = in.readInt();
      land[p] = new int[rings][];
      for (int r = 0; r < rings; r++) {
        int refs = in.readInt();
        land[p][r] = new int[refs];
        for (int i = 0; i < refs; i++) {
          land[p][r][i] = (int) zigzag(in);
        }
      }
      double[] box = {
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY
      };
      for (int ref : land[p][0]) {
        double[] b = arcBox[ref >= 0 ? ref : ~ref];
        box[0] = Math.min(box[0], b[0]);
        box[1] = Math.min(box[1], b[1]);
        box[2] = Math.max(box[2], b[2]);
        box[3] = Math.max(box[3], b[3]);
      }
      landBox[p] = box;
    }
    int borderCount = in.readInt();
    borders = new int[borderCount];
    for (int i = 0; i < borderCount; i++) {
      borders[i] = (int) varint(in);
    }
  }

  private static final class Holder {
    static final BaseMap INSTANCE = load();
  }

  /** The bundled base map (decoded on first use). */
  static BaseMap get() {
    return Holder.INSTANCE;
  }

  private static BaseMap load() {
    try (InputStream raw = BaseMap.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("base map resource " + RESOURCE + " is missing");
      }
      return new BaseMap(
          new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the base map " + RESOURCE, e);
    }
  }

  /**
   * The land (closed rings; fill with the even-odd rule, lakes are holes) and the borders between
   * countries (open lines) inside the box, in degrees.
   */
  record Layers(Path2D.Double land, Path2D.Double borders, int points) {}

  /**
   * Cuts the base map to a box.
   *
   * @param minX west edge (degrees east)
   * @param minY south edge (degrees north)
   * @param maxX east edge
   * @param maxY north edge
   * @param stepX points closer than this in x and {@code stepY} in y to the last point kept are
   *     dropped (e.g. half a pixel in degrees); 0 keeps every point
   */
  Layers cut(double minX, double minY, double maxX, double maxY, double stepX, double stepY) {
    Path2D.Double landPath = new Path2D.Double(Path2D.WIND_EVEN_ODD);
    int points = 0;
    double[] view = {minX, minY, maxX, maxY};
    for (int p = 0; p < land.length; p++) {
      if (!intersects(landBox[p], view)) {
        continue;
      }
      for (int[] ring : land[p]) {
        double[][] xy = ring(ring);
        if (!intersects(box(xy), view)) {
          continue;
        }
        double[][] clipped = clipPolygon(xy, view);
        points += append(landPath, clipped, true, stepX, stepY);
      }
    }
    Path2D.Double borderPath = new Path2D.Double();
    for (int a : borders) {
      if (intersects(arcBox[a], view)) {
        points += clipLine(borderPath, arcX[a], arcY[a], view, stepX, stepY);
      }
    }
    return new Layers(landPath, borderPath, points);
  }

  /** The ring's points (first point not repeated at the end). */
  private double[][] ring(int[] refs) {
    int n = 0;
    for (int ref : refs) {
      n += arcX[ref >= 0 ? ref : ~ref].length - 1;
    }
    double[] xs = new double[Math.max(n, 1)];
    double[] ys = new double[xs.length];
    int k = 0;
    for (int ref : refs) {
      int a = ref >= 0 ? ref : ~ref;
      double[] ax = arcX[a];
      double[] ay = arcY[a];
      int len = ax.length;
      // each arc's last point is the next arc's first: take points 0..len-2
      for (int i = 0; i < len - 1; i++) {
        int j = ref >= 0 ? i : len - 1 - i;
        xs[k] = ax[j];
        ys[k] = ay[j];
        k++;
      }
    }
    return new double[][] {xs, ys};
  }

  private static double[] box(double[][] xy) {
    double[] b = {
      Double.POSITIVE_INFINITY,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    for (int i = 0; i < xy[0].length; i++) {
      b[0] = Math.min(b[0], xy[0][i]);
      b[1] = Math.min(b[1], xy[1][i]);
      b[2] = Math.max(b[2], xy[0][i]);
      b[3] = Math.max(b[3], xy[1][i]);
    }
    return b;
  }

  private static boolean intersects(double[] a, double[] b) {
    return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
  }

  /** Sutherland-Hodgman: the part of a closed ring inside the box (may be empty). */
  static double[][] clipPolygon(double[][] ring, double[] box) {
    double[] xs = ring[0];
    double[] ys = ring[1];
    int n = xs.length;
    for (int edge = 0; edge < 4 && n > 0; edge++) {
      double[] ox = new double[2 * n];
      double[] oy = new double[2 * n];
      int m = 0;
      for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        boolean inI = inside(xs[i], ys[i], edge, box);
        boolean inJ = inside(xs[j], ys[j], edge, box);
        if (inI) {
          ox[m] = xs[i];
          oy[m] = ys[i];
          m++;
        }
        if (inI != inJ) {
          double[] c = crossing(xs[i], ys[i], xs[j], ys[j], edge, box);
          ox[m] = c[0];
          oy[m] = c[1];
          m++;
        }
      }
      xs = ox;
      ys = oy;
      n = m;
    }
    return new double[][] {java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n)};
  }

  private static boolean inside(double x, double y, int edge, double[] box) {
    return switch (edge) {
      case 0 -> x >= box[0];
      case 1 -> x <= box[2];
      case 2 -> y >= box[1];
      default -> y <= box[3];
    };
  }

  private static double[] crossing(
      double x1, double y1, double x2, double y2, int edge, double[] box) {
    if (edge < 2) {
      double x = edge == 0 ? box[0] : box[2];
      double t = (x - x1) / (x2 - x1);
      return new double[] {x, y1 + t * (y2 - y1)};
    }
    double y = edge == 2 ? box[1] : box[3];
    double t = (y - y1) / (y2 - y1);
    return new double[] {x1 + t * (x2 - x1), y};
  }

  /** Appends a ring (closed) or a line, thinned; returns the points written. */
  private static int append(
      Path2D.Double path, double[][] xy, boolean close, double stepX, double stepY) {
    int n = xy[0].length;
    if (n < (close ? 3 : 2)) {
      return 0;
    }
    double lastX = xy[0][0];
    double lastY = xy[1][0];
    path.moveTo(lastX, lastY);
    int written = 1;
    for (int i = 1; i < n; i++) {
      double x = xy[0][i];
      double y = xy[1][i];
      boolean last = i == n - 1;
      if (!last && Math.abs(x - lastX) < stepX && Math.abs(y - lastY) < stepY) {
        continue;
      }
      path.lineTo(x, y);
      lastX = x;
      lastY = y;
      written++;
    }
    if (close) {
      path.closePath();
    }
    return written;
  }

  /** Liang-Barsky per segment; consecutive inside pieces form one line. Returns points written. */
  private static int clipLine(
      Path2D.Double path, double[] xs, double[] ys, double[] box, double stepX, double stepY) {
    int written = 0;
    java.util.List<double[]> run = new java.util.ArrayList<>();
    for (int i = 0; i + 1 < xs.length; i++) {
      double[] seg = clipSegment(xs[i], ys[i], xs[i + 1], ys[i + 1], box);
      if (seg == null) {
        written += flush(path, run, stepX, stepY);
        continue;
      }
      double[] last = run.isEmpty() ? null : run.get(run.size() - 1);
      if (last == null || last[0] != seg[0] || last[1] != seg[1]) {
        written += flush(path, run, stepX, stepY);
        run.add(new double[] {seg[0], seg[1]});
      }
      run.add(new double[] {seg[2], seg[3]});
    }
    return written + flush(path, run, stepX, stepY);
  }

  private static int flush(Path2D.Double path, java.util.List<double[]> run, double sx, double sy) {
    if (run.size() < 2) {
      run.clear();
      return 0;
    }
    double[][] xy = new double[2][run.size()];
    for (int i = 0; i < run.size(); i++) {
      xy[0][i] = run.get(i)[0];
      xy[1][i] = run.get(i)[1];
    }
    run.clear();
    return append(path, xy, false, sx, sy);
  }

  /** The part of segment (x1,y1)-(x2,y2) inside the box as {x1, y1, x2, y2}, or null. */
  static double[] clipSegment(double x1, double y1, double x2, double y2, double[] box) {
    double dx = x2 - x1;
    double dy = y2 - y1;
    double t0 = 0;
    double t1 = 1;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {x1 - box[0], box[2] - x1, y1 - box[1], box[3] - y1};
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] < 0) {
          return null;
        }
      } else {
        double t = q[i] / p[i];
        if (p[i] < 0) {
          t0 = Math.max(t0, t);
        } else {
          t1 = Math.min(t1, t);
        }
      }
    }
    if (t0 > t1) {
      return null;
    }
    return new double[] {x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy};
  }

  private static long varint(DataInputStream in) throws IOException {
    long v = 0;
    int shift = 0;
    while (true) {
      int b = in.readUnsignedByte();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
      shift += 7;
    }
  }

  private static long zigzag(DataInputStream in) throws IOException {
    long v = varint(in);
    return (v >>> 1) ^ -(v & 1);
  }
}
