package org.corridorrisk.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.corridorrisk.sim.MonteCarlo;

/**
 * A task's {@link MonteCarlo.Partition} as deflated Java serialization. The partition's
 * served-share histograms are about 1.5 MB of mostly zero counts per commodity (1,001 bins x up to
 * 400 day groups), which deflate about a hundredfold: results then go to the driver directly
 * instead of through the block manager (which may drop large results under memory pressure), and a
 * 10^9-trial study moves a few hundred MB to the driver rather than tens of GB.
 */
final class TaskResults {
  private TaskResults() {}

  static byte[] encode(MonteCarlo.Partition p) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (ObjectOutputStream out =
        new ObjectOutputStream(new DeflaterOutputStream(bytes, deflater, 1 << 16))) {
      out.writeObject(p);
    } catch (IOException e) {
      throw new UncheckedIOException("serializing a partition failed", e);
    } finally {
      deflater.end();
    }
    return bytes.toByteArray();
  }

  static MonteCarlo.Partition decode(byte[] data) {
    Inflater inflater = new Inflater();
    try (ObjectInputStream in =
        new ObjectInputStream(
            new InflaterInputStream(new ByteArrayInputStream(data), inflater, 1 << 16))) {
      return (MonteCarlo.Partition) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("reading a partition's result failed", e);
    } finally {
      inflater.end();
    }
  }
}
