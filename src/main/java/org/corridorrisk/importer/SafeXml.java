package org.corridorrisk.importer;

import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The XML reader of the importers: the JDK's streaming parser with DTDs and external entities off
 * (a public network file may not make the importer read other files or expand entities), namespace
 * aware, and reporting line and column of every event for located problems.
 *
 * <p>Design note: the factory is the JDK's own ({@link XMLInputFactory#newDefaultFactory}), not
 * whichever StAX implementation a system property, {@code jaxp.properties} or the class path names
 * ({@code newFactory} looks there first; a cluster's class path under spark-submit is not ours to
 * choose): the security properties set here, the locations and the messages turned into words below
 * are those of the JDK's parser, whatever else is installed.
 */
final class SafeXml {
  private SafeXml() {}

  /**
   * The JDK's namespace messages are keys with arguments: {@code ...#ElementPrefixUnbound?y&y:n}.
   */
  private static final Pattern NAMESPACE_KEY =
      Pattern.compile(".*REC-xml-names-\\d+#([A-Za-z]+)\\??(.*)", Pattern.DOTALL);

  static XMLStreamReader open(InputStream in) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return f.createXMLStreamReader(in);
  }

  /**
   * The parser's message in words, without its "ParseError at [row,col]" prefix (the problem is
   * located separately); namespace errors, which the JDK reports as bare message keys, spelt out.
   */
  static String message(XMLStreamException e) {
    String m = e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    int at = m.indexOf("Message: ");
    m = (at >= 0 ? m.substring(at + "Message: ".length()) : m).trim();
    Matcher k = NAMESPACE_KEY.matcher(m);
    return k.matches() ? namespaceMessage(k.group(1), k.group(2).split("&", -1)) : m;
  }

  private static String namespaceMessage(String key, String[] a) {
    String text =
        switch (key) {
          case "ElementPrefixUnbound" ->
              a.length >= 2
                  ? "the prefix '"
                      + a[0]
                      + "' of element <"
                      + a[1]
                      + "> is not declared (no xmlns:"
                      + a[0]
                      + "=\"...\" on it or an enclosing element)"
                  : null;
          case "AttributePrefixUnbound" ->
              a.length >= 3
                  ? "the prefix '"
                      + a[2]
                      + "' of attribute "
                      + a[1]
                      + " on <"
                      + a[0]
                      + "> is not declared (no xmlns:"
                      + a[2]
                      + "=\"...\" on it or an enclosing element)"
                  : null;
          case "AttributeNSNotUnique" ->
              a.length >= 3
                  ? "element <" + a[0] + "> has attribute " + a[1] + " twice in namespace " + a[2]
                  : null;
          case "EmptyPrefixedAttName" ->
              a.length >= 1 ? "the namespace declaration " + a[0] + " has an empty value" : null;
          case "ElementXMLNSPrefix" ->
              a.length >= 1 ? "element <" + a[0] + "> may not use the prefix 'xmlns'" : null;
          case "CantBindXMLNS", "CantBindXML" ->
              "the reserved prefixes 'xml' and 'xmlns' cannot be declared or bound";
          default -> null;
        };
    return text != null
        ? "XML namespace error: " + text
        : "XML namespace error ("
            + key
            + (a.length > 0 && !a[0].isEmpty() ? ": " + String.join(", ", a) : "")
            + ")";
  }
}
