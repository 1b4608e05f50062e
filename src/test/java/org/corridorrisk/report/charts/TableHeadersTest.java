package org.corridorrisk.report.charts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Table headers that are metric names (no spaces) can wrap, so a table fits the page. */
class TableHeadersTest {
  @Test
  void metricNameHeaders_breakAfterUnderscores_andStayEscaped() {
    HtmlPage page = new HtmlPage("t");
    page.table(
        new HtmlPage.Table("Worst sets", "budget", "person_days_without_service", "a<b_c")
            .row(
                HtmlPage.Cell.text("1"),
                HtmlPage.Cell.number("7.43bn", 7.43e9, Map.of("stat", "x")),
                HtmlPage.Cell.text("y")));
    String html = page.html();
    assertTrue(
        html.contains(">person_<wbr>days_<wbr>without_<wbr>service</th>"), "break opportunities");
    assertTrue(html.contains(">a&lt;b_<wbr>c</th>"), "escaped first");
    assertTrue(html.contains("overflow: visible"), "printed tables are not cut at the right");
  }
}
