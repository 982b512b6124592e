// Escaping of text placed into the report's HTML and SVG: the five characters that could end an
// element, an attribute or an entity become entities, so any text (config values, paths) shows as
// written and cannot inject markup.
package org.autogan4j.report;

public final class Html {
    private Html() {
    }

    /** text with &amp; &lt; &gt; &quot; &#39; escaped; safe in element content and quoted attributes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
