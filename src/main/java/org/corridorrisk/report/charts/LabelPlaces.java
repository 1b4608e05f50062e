package org.corridorrisk.report.charts;

import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The rule that keeps chart labels apart, shared by the network map and the scatter charts: a label
 * takes the first of a list of places around its point whose box lies inside the drawing area and
 * overlaps no label placed before and no obstacle (the marks); a label with no such place is left
 * out.
 */
final class LabelPlaces {
  private LabelPlaces() {}

  /** A free place: the index of its offset and the label's box there. */
  record Place(int offset, Rectangle2D box) {}

  /**
   * The first free place for a label box of {@code width} x {@code height} around the point ({@code
   * x}, {@code y}), all in pixels, or {@code null}.
   *
   * @param offsets {dx, dy} per place: the corner of the box nearest the point is at (x + dx, y +
   *     dy) and the box lies on the side of dx and dy (centred on the point where one is 0)
   * @param placed the boxes of labels placed before
   * @param obstacles boxes no label may cover (the marks)
   */
  static Place firstFree(
      double x,
      double y,
      double width,
      double height,
      double[][] offsets,
      Rectangle2D area,
      List<Rectangle2D> placed,
      List<Rectangle2D> obstacles) {
    for (int i = 0; i < offsets.length; i++) {
      double dx = offsets[i][0];
      double dy = offsets[i][1];
      double left = dx > 0 ? x + dx : dx < 0 ? x + dx - width : x - width / 2;
      double top = dy > 0 ? y + dy : dy < 0 ? y + dy - height : y - height / 2;
      Rectangle2D box = new Rectangle2D.Double(left, top, width, height);
      if (area.contains(box)
          && placed.stream().noneMatch(box::intersects)
          && obstacles.stream().noneMatch(box::intersects)) {
        return new Place(i, box);
      }
    }
    return null;
  }
}
