package io.bokit.core.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the examples of a sync-rules section: each fenced block of one language (```bookings, ```overlaps …)
 * with the rows of the table after it whose header is the one given. One walker for every doc test of the
 * domain's rules.
 */
final class DocExamples {
    private DocExamples() {}

    /**
     * One example.
     *
     * @param line the line of its fence, for messages
     * @param heading the heading it stands under
     * @param bookings the lines of the fenced block
     * @param rows the cells of each row of the table after it
     */
    record Example(int line, String heading, List<String> bookings, List<List<String>> rows) {}

    /** The examples of {@code doc}: blocks fenced as {@code fence}, with the rows of the tables headed {@code header}. */
    static List<Example> examples(String doc, String fence, List<String> header) {
        List<String> lines = doc.lines().toList();
        List<Example> examples = new ArrayList<>();
        String heading = "(no heading)";
        Example open = null;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).startsWith("```")) {
                    end++;
                }
                open = null;
                if (line.strip().equals("```" + fence)) {
                    open = new Example(i + 1, heading, lines.subList(i + 1, end), new ArrayList<>());
                    examples.add(open);
                }
                i = end + 1;
            } else if (line.startsWith("#")) {
                heading = line.replaceFirst("^#+\\s*", "");
                open = null;
                i++;
            } else if (line.startsWith("|")) {
                int end = i;
                while (end < lines.size() && lines.get(end).startsWith("|")) {
                    end++;
                }
                if (open != null && cells(lines.get(i)).equals(header)) {
                    for (int k = i + 2; k < end; k++) {
                        open.rows().add(cells(lines.get(k)));
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        return examples;
    }

    /** The cells of a table row, each stripped and unquoted from backticks. */
    static List<String> cells(String line) {
        String text = line.strip();
        text = text.substring(1, text.endsWith("|") ? text.length() - 1 : text.length());
        List<String> cells = new ArrayList<>();
        for (String cell : text.split("\\|", -1)) {
            cells.add(unquote(cell.strip()));
        }
        return cells;
    }

    /** A cell's text without the backticks around it. */
    static String unquote(String text) {
        String value = text.strip();
        return value.length() >= 2 && value.startsWith("`") && value.indexOf('`', 1) == value.length() - 1
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
