package org.corridorrisk.model;

/** A WGS84 position in decimal degrees. */
public record Location(double lat, double lon) {
  public Location {
    Checks.inRange(lat, -90, 90, "lat", "location");
    Checks.inRange(lon, -180, 180, "lon", "location");
  }
}
