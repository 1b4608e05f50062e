/**
 * Chart drawing for {@code report}: JFreeChart figures rendered to SVG, network maps and number
 * formatting. Only {@code report} uses it; the model never imports chart code.
 */
package org.corridorrisk.report.charts;
