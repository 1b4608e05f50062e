/**
 * The command line (picocli): parses options, calls one use case, prints, and maps failures to exit
 * codes 0/1/2. Wires every other package; nothing imports it.
 */
package org.corridorrisk.cli;
