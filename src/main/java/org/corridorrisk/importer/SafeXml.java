package org.corridorrisk.importer;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The XML reader of the importers: the JDK's streaming parser with DTDs and external entities off
 * (a public network file may not make the importer read other files or expand entities), namespace
 * aware, and reporting line and column of every event for located problems.
 */
final class SafeXml {
  private SafeXml() {}

  static XMLStreamReader open(InputStream in) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return f.createXMLStreamReader(in);
  }
}
