package org.corridorrisk.scenario;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Does, on a background thread, the one-time work of the checks that does not depend on the file:
 * loading the YAML reader, loading and compiling the JSON Schema, Jackson's deserializers for the
 * file records, and the first (interpreted) run of the model rules, by checking a tiny built-in
 * scenario while the file itself is still being read. A process that loads one large scenario (a
 * {@code run} of an imported network) then finds that work done or under way instead of starting it
 * after the read.
 *
 * <p>Design note: results cannot depend on it. The checks keep no state between documents (no
 * caches keyed by content, no counters): the warm-up only initializes classes, whose initialization
 * the JVM runs once under a lock, and leaves nothing the file's check reads. Its own outcome is
 * discarded; a failure in it is ignored (the real check meets the same code and reports). Started
 * at most once per process, on a daemon thread, so it never delays exit.
 */
final class WarmUp {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  /**
   * A small valid scenario touching the common sections, in the hand-written style of the examples
   * (flow mappings and lists), so that the full YAML reader is loaded too: the class-data archive
   * the launcher records then holds it whichever kind of file the recording run read.
   */
  static final byte[] SAMPLE =
      """
      format: corridor-risk/v1
      name: warm-up
      horizon_days: 30
      commodities:
        - {id: gas, unit: mcm/d}
      nodes:
        - {id: a, kind: source, commodity: gas, supply: 10, location: {lat: 40.1, lon: 49.5}}
        - id: b
          kind: sink
          commodity: gas
          demand: 5.5
          priority: 1
          population: 1000
          value_of_lost_load: 1.5
      links:
        - {id: l, from: a, to: b, commodity: gas, kind: pipeline, capacity: 10, directed: false}
      threats:
        - id: t
          model: independent
          probability: 0.1
          targets: {kinds: [pipeline]}
          repair_days: {dist: fixed, value: 3}
      """
          .getBytes(StandardCharsets.UTF_8);

  private WarmUp() {}

  /** Starts the warm-up unless it was started before in this process. */
  static void start() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(WarmUp::run, "corridor-risk-warm-up");
    t.setDaemon(true);
    t.start();
  }

  static void run() {
    try {
      DocumentReader.Document doc = DocumentReader.readFully(SAMPLE, false, new Issues());
      if (doc.root() != null) {
        Validation.check(doc.root(), new Issues());
      }
    } catch (RuntimeException | LinkageError e) {
      // only a warm-up: the file's own check meets the same code and reports
    }
  }
}
