/**
 * Stage 5, losses: turns a trial's daily served/unserved amounts into metrics (unserved volume,
 * person-days, economic loss with the inoperability input-output model, spills). Pure functions
 * tested against hand-computed numbers. Imports {@code model} and {@code network} (ids and
 * attributes of the {@code NetworkIndex}).
 */
package org.corridorrisk.impact;
