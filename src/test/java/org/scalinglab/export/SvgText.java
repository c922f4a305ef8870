package org.scalinglab.export;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;

/** The text of an SVG file as a reader sees it (entities such as &amp;apos; resolved); its DTD is never fetched. */
public final class SvgText {
    private SvgText() {
    }

    public static String of(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(svg.toFile()).getDocumentElement().getTextContent();
    }
}
