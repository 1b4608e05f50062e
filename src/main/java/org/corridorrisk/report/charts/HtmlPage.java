package org.corridorrisk.report.charts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one self-contained HTML page (inline CSS and SVG, no scripts, no external fonts or images)
 * with the shared look of corridor-risk pages: header with key facts, sections, key-number tables
 * and figures. Prints on A4 (charts never split across pages).
 *
 * <p>Everything passed as text is escaped; only {@link #raw(String)} inserts markup as given. Not
 * thread-safe.
 *
 * <pre>{@code
 * HtmlPage page = new HtmlPage("Risk report: demo");
 * page.header("Risk report: demo", "Monte Carlo study", Map.of("trials", "10,000"));
 * page.section("loss", "Economic loss").paragraph("...").figure(fig);
 * page.write(path);
 * }</pre>
 */
public final class HtmlPage {
  private final String title;
  private final StringBuilder body = new StringBuilder(64 * 1024);
  private boolean sectionOpen;
  private final List<String[]> toc = new ArrayList<>();
  private final List<Figure> figures = new ArrayList<>();
  private final List<NoChart> omitted = new ArrayList<>();
  private final List<PageChart> charts = new ArrayList<>();

  /** A page with this document title (plain text). */
  public HtmlPage(String title) {
    this.title = title;
  }

  /** Escapes text for HTML element content and attribute values. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * The page header: a heading, a line under it and key facts as a definition list (insertion
   * order; use a {@link LinkedHashMap}).
   */
  public HtmlPage header(String heading, String subtitle, Map<String, String> facts) {
    body.append("<header>\n<h1>").append(escape(heading)).append("</h1>\n");
    if (subtitle != null && !subtitle.isBlank()) {
      body.append("<p class=\"subtitle\">").append(escape(subtitle)).append("</p>\n");
    }
    if (facts != null && !facts.isEmpty()) {
      body.append("<dl class=\"facts\">");
      facts.forEach(
          (k, v) ->
              body.append("<div><dt>")
                  .append(escape(k))
                  .append("</dt><dd>")
                  .append(escape(v))
                  .append("</dd></div>"));
      body.append("</dl>\n");
    }
    body.append("</header>\n<main>\n");
    return this;
  }

  /** A highlighted sentence (plain text), e.g. the study's headline. */
  public HtmlPage headline(String text) {
    body.append("<p class=\"headline\">").append(escape(text)).append("</p>\n");
    return this;
  }

  /** Starts a section (closing the previous one). {@code id} is used as the anchor. */
  public HtmlPage section(String id, String heading) {
    closeSection();
    body.append("<section id=\"")
        .append(escape(id))
        .append("\">\n<h2>")
        .append(escape(heading))
        .append("</h2>\n");
    toc.add(new String[] {id, heading});
    sectionOpen = true;
    return this;
  }

  /** A paragraph of plain text. */
  public HtmlPage paragraph(String text) {
    body.append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  /** A muted note (plain text). */
  public HtmlPage note(String text) {
    body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
    return this;
  }

  /** Markup inserted as given (caller escapes). */
  public HtmlPage raw(String html) {
    body.append(html);
    return this;
  }

  /**
   * A figure: the inline SVG and its reading guide as caption. The element carries {@code
   * data-chart="<id>"} so tests and scripts can find it.
   */
  public HtmlPage figure(Figure figure) {
    return figure(figure, figure.svg());
  }

  /** The figures on the page, in order ({@code --charts} writes them as files). */
  public List<Figure> figures() {
    return List.copyOf(figures);
  }

  /** A figure whose {@link Figure#svg()} was drawn beforehand ({@code svg}). */
  public HtmlPage figure(Figure figure, String svg) {
    figures.add(figure);
    charts.add(figure);
    body.append("<figure class=\"chart\" id=\"fig-")
        .append(figure.id())
        .append("\" data-chart=\"")
        .append(figure.id())
        .append("\">\n")
        .append(svg)
        .append("\n<figcaption>")
        .append(escape(figure.guide()))
        .append("</figcaption>\n</figure>\n");
    return this;
  }

  /**
   * In place of a chart with nothing to draw: one line with its title and the reason, e.g.
   * "Exceedance curve of economic loss: No trial had an economic loss: nothing to chart."
   */
  public HtmlPage noChart(NoChart none) {
    omitted.add(none);
    charts.add(none);
    body.append("<p class=\"no-chart\" id=\"fig-")
        .append(none.id())
        .append("\" data-no-chart=\"")
        .append(none.id())
        .append("\"><b>")
        .append(escape(none.title()))
        .append(":</b> ")
        .append(escape(none.reason()))
        .append("</p>\n");
    return this;
  }

  /** The charts left out of the page for having nothing to draw, in order. */
  public List<NoChart> omitted() {
    return List.copyOf(omitted);
  }

  /** The page's charts in order, drawn or left out ({@code --charts} writes the drawn ones). */
  public List<PageChart> charts() {
    return List.copyOf(charts);
  }

  /** A table built with {@link Table}. */
  public HtmlPage table(Table table) {
    body.append(table.html());
    return this;
  }

  /** The complete document. */
  public String html() {
    closeSection();
    StringBuilder sb = new StringBuilder(body.length() + CSS.length() + 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"corridor-risk\">\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    StringBuilder nav = new StringBuilder();
    if (toc.size() > 2) {
      nav.append("<nav class=\"toc\"><ul>");
      for (String[] t : toc) {
        nav.append("<li><a href=\"#")
            .append(escape(t[0]))
            .append("\">")
            .append(escape(t[1]))
            .append("</a></li>");
      }
      nav.append("</ul></nav>\n");
    }
    String content = body.toString();
    int afterHeader = content.indexOf("</header>\n");
    if (afterHeader >= 0) {
      int at = afterHeader + "</header>\n".length();
      sb.append(content, 0, at).append(nav).append(content, at, content.length());
    } else {
      sb.append(nav).append(content);
    }
    if (content.contains("<main>")) {
      sb.append("</main>\n");
    }
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  /** Writes {@link #html()} as UTF-8. */
  public void write(Path file) throws IOException {
    Files.writeString(file, html(), StandardCharsets.UTF_8);
  }

  private void closeSection() {
    if (sectionOpen) {
      body.append("</section>\n");
      sectionOpen = false;
    }
  }

  /**
   * A table of key numbers. Cells are plain text; number cells may carry the exact value in {@code
   * data-*} attributes so tests (and readers' tools) can check what the text rounds.
   */
  public static final class Table {
    private final StringBuilder html = new StringBuilder();
    private final String[] headers;
    private boolean headerWritten;

    /** A table with these column headers (plain text) and optional caption. */
    public Table(String caption, String... headers) {
      this.headers = headers.clone();
      html.append("<div class=\"table-wrap\"><table>");
      if (caption != null && !caption.isBlank()) {
        html.append("<caption>").append(escape(caption)).append("</caption>");
      }
    }

    /**
     * Adds a row; the first cell is a row header. Must have one cell per column. Cells with data
     * attributes are numbers (right-aligned); the first row decides how headers align.
     */
    public Table row(Cell... cells) {
      if (cells.length != headers.length) {
        throw new IllegalArgumentException(
            "row must have " + headers.length + " cells but had " + cells.length);
      }
      if (!headerWritten) {
        html.append("<thead><tr>");
        for (int i = 0; i < headers.length; i++) {
          html.append(
                  i > 0 && cells[i].numeric()
                      ? "<th scope=\"col\" class=\"num\">"
                      : "<th scope=\"col\">")
              .append(breakable(headers[i]))
              .append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        headerWritten = true;
      }
      html.append("<tr>");
      for (int i = 0; i < cells.length; i++) {
        Cell c = cells[i];
        html.append(i == 0 ? "<th scope=\"row\"" : c.numeric() ? "<td class=\"num\"" : "<td");
        // sorted by name: Map.of's order changes from one JVM to the next, the page must not
        new java.util.TreeMap<>(c.attributes())
            .forEach(
                (k, v) ->
                    html.append(" data-")
                        .append(escape(k))
                        .append("=\"")
                        .append(escape(v))
                        .append('"'));
        if (c.tooltip() != null) {
          html.append(" title=\"").append(escape(c.tooltip())).append('"');
        }
        html.append('>').append(escape(c.text())).append(i == 0 ? "</th>" : "</td>");
      }
      html.append("</tr>\n");
      return this;
    }

    /**
     * A header, escaped, with a line-break opportunity after each underscore: metric names such as
     * {@code person_days_without_service} have no space to wrap at, and a column of numbers (which
     * never wrap) under such a header pushed the table past the page's width.
     */
    static String breakable(String header) {
      return escape(header).replace("_", "_<wbr>");
    }

    String html() {
      if (!headerWritten) {
        return "";
      }
      return html + "</tbody></table></div>\n";
    }
  }

  /**
   * A table cell: display text, optional tooltip and {@code data-*} attributes.
   *
   * @param attributes data attribute names without the {@code data-} prefix, to values
   */
  public record Cell(String text, String tooltip, Map<String, String> attributes) {
    /** Whether the cell is a number (has data attributes): right-aligned. */
    public boolean numeric() {
      return !attributes.isEmpty();
    }

    /** A plain text cell. */
    public static Cell text(String text) {
      return new Cell(text, null, Map.of());
    }

    /** A number cell showing {@code text} and carrying {@code data-value} = the exact value. */
    public static Cell number(String text, double exact, Map<String, String> more) {
      Map<String, String> attributes = new LinkedHashMap<>(more);
      attributes.put("value", Double.toString(exact));
      return new Cell(text, null, attributes);
    }
  }

  /** Shared stylesheet: screen and A4 print. */
  static final String CSS =
      """
      :root { --ink: #222; --muted: #666; --rule: #ddd; --accent: #0072B2; --bg-soft: #f5f7fa; }
      * { box-sizing: border-box; }
      body { margin: 0 auto; max-width: 980px; padding: 24px 28px 48px; color: var(--ink);
        font: 15px/1.5 'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif; background: #fff; }
      header { border-bottom: 3px solid var(--accent); margin-bottom: 18px; padding-bottom: 8px; }
      h1 { font-size: 1.6em; margin: 0 0 4px; }
      h2 { font-size: 1.25em; margin: 30px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
      .subtitle { color: var(--muted); margin: 0 0 10px; }
      dl.facts { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 0; font-size: 0.9em; }
      dl.facts div { display: flex; gap: 6px; }
      dl.facts dt { color: var(--muted); }
      dl.facts dd { margin: 0; font-weight: bold; }
      .headline { font-size: 1.15em; background: var(--bg-soft); border-left: 5px solid #D55E00;
        padding: 10px 14px; margin: 14px 0; }
      .note { color: var(--muted); font-size: 0.88em; }
      nav.toc ul { list-style: none; padding: 0; margin: 0 0 10px; display: flex; flex-wrap: wrap; gap: 4px 14px;
        font-size: 0.85em; }
      nav.toc a { color: var(--accent); text-decoration: none; }
      .table-wrap { overflow-x: auto; }
      table { border-collapse: collapse; width: 100%; font-size: 0.86em; margin: 8px 0 12px; }
      caption { text-align: left; color: var(--muted); padding-bottom: 4px; }
      th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
      thead th { border-bottom: 2px solid #999; text-align: left; }
      tbody th { text-align: left; font-weight: normal; }
      .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      figure.chart { margin: 16px 0 22px; break-inside: avoid; page-break-inside: avoid; }
      figure.chart svg { width: 100%; height: auto; display: block; }
      figcaption { color: var(--muted); font-size: 0.88em; margin-top: 2px; }
      p.no-chart { color: var(--muted); margin: 12px 0 18px; }
      @media print {
        @page { size: A4; margin: 14mm 12mm; }
        body { max-width: none; padding: 0; font-size: 10.5pt; }
        nav.toc { display: none; }
        h2 { break-after: avoid; page-break-after: avoid; }
        table, .headline { break-inside: avoid; page-break-inside: avoid; }
        figure.chart svg { max-height: 120mm; }
        a { color: inherit; text-decoration: none; }
        .table-wrap { overflow: visible; }
      }
      """;
}
