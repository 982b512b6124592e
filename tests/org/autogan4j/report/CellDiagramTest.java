// CellDiagram: the skip arrows follow spec 1.2's bit order (least significant bit = most recent
// earlier cell), cells are described in words, and the SVG is well-formed XML.
package org.autogan4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.autogan4j.gan.Architecture;
import org.autogan4j.report.CellDiagram.Edge;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CellDiagramTest {
    @Test
    void top1HasAllThreeSkipEdges() throws Exception {
        assertEquals(List.of(new Edge(1, 2), new Edge(1, 3), new Edge(2, 3)), CellDiagram.skipEdges(Architecture.TOP1));
        assertEquals(List.of("1->2", "1->3", "2->3"), svgEdges(CellDiagram.svg(Architecture.TOP1)));
    }

    @Test
    void noSkipsNoArrows() throws Exception {
        Architecture plain = Architecture.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(List.of(), CellDiagram.skipEdges(plain));
        String svg = CellDiagram.svg(plain);
        assertEquals(List.of(), svgEdges(svg));
        assertFalse(svg.contains("class=\"skip\""));
    }

    @Test
    void cell3SkipBitsDecodeMostRecentCellFirst() throws Exception {
        Architecture skip1 = Architecture.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        Architecture skip2 = Architecture.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2);
        Architecture cell2Only = Architecture.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0);
        assertEquals(List.of("2->3"), svgEdges(CellDiagram.svg(skip1)), "cell 3 skip 1: only cell 2");
        assertEquals(List.of("1->3"), svgEdges(CellDiagram.svg(skip2)), "cell 3 skip 2: only cell 1");
        assertEquals(List.of("1->2"), svgEdges(CellDiagram.svg(cell2Only)));
    }

    @Test
    void cellsAreDescribedInWords() throws Exception {
        assertEquals(List.of("pre-act conv", "no norm", "nearest up", "shortcut"),
                CellDiagram.words(Architecture.TOP1.cell(1)));
        Architecture other = Architecture.of(0, 1, 0, 0, 1, 2, 2, 1, 0, 0, 0, 0, 0, 0);
        assertEquals(List.of("post-act conv", "BatchNorm", "bilinear up", "no shortcut"),
                CellDiagram.words(other.cell(1)));
        assertEquals(List.of("pre-act conv", "InstanceNorm", "deconv up", "shortcut"), CellDiagram.words(other.cell(2)));
        List<String> texts = texts(CellDiagram.svg(other));
        assertTrue(texts.containsAll(List.of("stem", "cell 1", "cell 2", "cell 3", "to_rgb", "InstanceNorm",
                "deconv up", "post-act conv")), texts.toString());
        assertEquals(List.of("cell 1: pre-act conv, no norm, nearest up, shortcut",
                "cell 2: pre-act conv, no norm, bilinear up, shortcut, skip from cell 1",
                "cell 3: pre-act conv, no norm, nearest up, no shortcut, skip from cell 1 and cell 2"),
                HtmlReport.describe(Architecture.TOP1));
    }

    /** "from->to" of every skip path, in document order (parsing also checks that the SVG is well-formed). */
    private static List<String> svgEdges(String svg) throws Exception {
        NodeList paths = parse(svg).getElementsByTagName("path");
        List<String> edges = new ArrayList<>();
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            if (p.getAttribute("class").equals("skip")) {
                edges.add(p.getAttribute("data-from") + "->" + p.getAttribute("data-to"));
            }
        }
        return edges;
    }

    private static List<String> texts(String svg) throws Exception {
        NodeList nodes = parse(svg).getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static Element parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }
}
