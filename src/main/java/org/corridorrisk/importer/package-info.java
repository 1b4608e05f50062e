/**
 * Imports public network data sets (GasLib, MatrixMarket, GraphML) and writes scenario documents,
 * read back through {@code scenario} so an imported file is validated like any other. Only {@code
 * cli} imports it.
 */
package org.corridorrisk.importer;
