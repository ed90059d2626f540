package dev.chipflow.report;

import java.util.Base64;
import java.util.List;

/** A small builder of self-contained HTML: escaped text, tables, images as data URIs. */
final class Html {

    static final String CSS = """
            body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#222;background:#fff;
              margin:0 auto;max-width:1080px;padding:24px 28px 60px;line-height:1.45}
            h1{font-size:1.7em;margin:0 0 4px}
            h2{font-size:1.3em;margin:36px 0 10px;border-bottom:2px solid #e4e4e4;padding-bottom:4px}
            h3{font-size:1.05em;margin:22px 0 8px}
            .sub{color:#666;margin:0 0 18px}
            .headline{background:#f3f7fc;border-left:5px solid #1f77b4;padding:14px 18px;font-size:1.08em;margin:18px 0}
            .headline p{margin:6px 0}
            .note{color:#666;font-size:.92em}
            .changed{background:#fff4e5;border-left:5px solid #e08a00;padding:8px 14px;margin:12px 0}
            table{border-collapse:collapse;margin:8px 0 16px;font-size:.9em}
            th,td{border:1px solid #ddd;padding:4px 8px;vertical-align:top}
            th{background:#f5f5f5;text-align:left}
            td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            tr.total td{font-weight:600;background:#fafafa}
            .assumption{background:#fff8e1}
            figure{margin:18px 0 26px}
            figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{color:#666;font-size:.9em}
            code{background:#f4f4f4;padding:1px 4px;border-radius:3px}
            """;

    private final StringBuilder b = new StringBuilder(1 << 16);

    Html(String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
    }

    static String esc(String s) {
        StringBuilder o = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> o.append("&lt;");
                case '>' -> o.append("&gt;");
                case '&' -> o.append("&amp;");
                case '"' -> o.append("&quot;");
                case '\'' -> o.append("&#39;");
                default -> o.append(c);
            }
        }
        return o.toString();
    }

    Html raw(String html) {
        b.append(html);
        return this;
    }

    Html tag(String tag, String text) {
        b.append('<').append(tag).append('>').append(esc(text)).append("</").append(tag).append(">\n");
        return this;
    }

    Html p(String cssClass, String text) {
        b.append("<p class=\"").append(cssClass).append("\">").append(esc(text)).append("</p>\n");
        return this;
    }

    Html figure(Charts.Png png) {
        b.append("<figure><img alt=\"").append(esc(png.title())).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png.bytes())).append("\" width=\"").append(Charts.WIDTH)
                .append("\" height=\"").append(Charts.HEIGHT).append("\"><figcaption>").append(esc(png.title()))
                .append(" (").append(esc(png.fileName())).append(")</figcaption></figure>\n");
        return this;
    }

    /** A table; cells that look like numbers are right-aligned. A row whose first cell is "all" is a total row. */
    Html table(List<String> header, List<List<String>> rows) {
        return table(header, rows, null);
    }

    /**
     * @param rowClass per row a CSS class or null; may itself be null
     */
    Html table(List<String> header, List<List<String>> rows, List<String> rowClass) {
        b.append("<table>\n<thead><tr>");
        for (String h : header) {
            b.append("<th>").append(esc(h)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String cls = rowClass == null ? null : rowClass.get(r);
            if (cls == null && !row.isEmpty() && row.get(0).equals("all")) {
                cls = "total";
            }
            b.append(cls == null ? "<tr>" : "<tr class=\"" + cls + "\">");
            for (String cell : row) {
                b.append(numeric(cell) ? "<td class=\"n\">" : "<td>").append(esc(cell)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        return this;
    }

    private static boolean numeric(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char c = cell.charAt(0);
        return (Character.isDigit(c) || c == '-' || c == '\u2212') && cell.chars().noneMatch(Character::isLetter)
                || cell.equals("-");
    }

    String end() {
        b.append("</body>\n</html>\n");
        return b.toString();
    }
}
