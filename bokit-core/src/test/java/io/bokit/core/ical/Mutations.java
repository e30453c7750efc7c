package io.bokit.core.ical;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Damage done to a valid feed body for the fuzzing properties: byte and character flips, truncation, deleted,
 * duplicated and swapped lines, folds and unfolds, other line ends, huge lines, deep BEGIN/END nesting, inserted
 * properties and hostile text, byte-order marks, several VCALENDARs. Positions are fractions of the body
 * ({@code at} in millionths), so a mutation means the same whatever body it is applied to. Shared with the testkit's
 * sync fuzzing through bokit-core's test jar.
 */
public final class Mutations {
    private static final int SCALE = 1_000_000;
    /** A mutation that would make the body longer than this is left out: fetchers refuse such bodies anyway. */
    private static final int MAX_BODY = 2_000_000;

    private Mutations() {}

    /** One mutation; its {@code toString} says what it does, for a failure's message. */
    public interface Mutation extends UnaryOperator<String> {}

    /** Applies the mutations in order, leaving out any that would make the body longer than 2,000,000 characters. */
    public static String apply(String body, List<Mutation> mutations) {
        String result = body;
        for (Mutation mutation : mutations) {
            String next = mutation.apply(result);
            result = next.length() > MAX_BODY ? result : next;
        }
        return result;
    }

    /** One to six random mutations. */
    public static List<Mutation> some(Random random) {
        List<Mutation> mutations = new ArrayList<>();
        for (int k = Generators.between(random, 1, 6); k > 0; k--) {
            mutations.add(one(random));
        }
        return mutations;
    }

    /** Any one mutation. */
    public static Mutation one(Random random) {
        int at = random.nextInt(SCALE + 1);
        return switch (Generators.weighted(random, 3, 3, 2, 2, 2, 1, 2, 1, 1, 3, 2, 1, 1, 1, 1, 1, 1)) {
            case 0 -> new CharFlip(at, random.nextInt(16));
            case 1 -> new ByteFlip(at, random.nextInt(8));
            case 2 -> new Truncate(at);
            case 3 -> new DeleteLines(at, Generators.between(random, 1, 5));
            case 4 -> new DuplicateLines(at, Generators.between(random, 1, 4), Generators.between(random, 1, 200));
            case 5 -> new SwapLines(at, random.nextInt(SCALE + 1));
            case 6 -> new Fold(at, Generators.pick(random, List.of("\r\n ", "\r\n\t", "\n ", "\n\t", "\r\n  ", "\r ")));
            case 7 -> new Unfold();
            case 8 -> new LineEnds(
                    Generators.pick(random, List.of("\n", "\r", "\r\n", "\n\r", "\r\r\n", "\u2028", "")));
            case 9 -> new InsertLine(at, Generators.propertyLine(random));
            case 10 -> new InsertText(at, Generators.hostileText(random));
            case 11 -> new HugeLine(
                    at,
                    Generators.between(random, 10_000, 300_000),
                    Generators.pick(random, List.of("DESCRIPTION:", "X-JUNK;X=1:", "", " ", "UID:", "SUMMARY:")),
                    Generators.pick(random, List.of('x', 'é', ';', ':', '\\', ' ', '\t')));
            case 12 -> new Nest(
                    at,
                    random.nextInt(4) > 0 ? Generators.between(random, 1, 50) : Generators.between(random, 50, 20_000),
                    Generators.pick(random, List.of("VEVENT", "VALARM", "X-FOO", "VCALENDAR", "VTIMEZONE", "STANDARD")),
                    random.nextBoolean());
            case 13 -> new InsertText(at, Generators.pick(random, List.of("\uFEFF", "\u00EF\u00BB\u00BF", "\uFFFE")));
            case 14 -> new Repeat(Generators.between(random, 2, 4));
            case 15 -> new Overwrite(
                    at, Generators.between(random, 1, 12), Generators.textOf(random, 12, "0123456789"));
            default -> new FlipCase(at, Generators.between(random, 1, 400));
        };
    }

    private static int position(String text, int at) {
        return (int) ((long) at * text.length() / SCALE);
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    private static int lineIndex(List<String> lines, int at) {
        return Math.min(lines.size() - 1, (int) ((long) at * lines.size() / SCALE));
    }

    /** Flips one bit of one UTF-16 character. */
    record CharFlip(int at, int bit) implements Mutation {
        @Override
        public String apply(String text) {
            if (text.isEmpty()) {
                return text;
            }
            int k = Math.min(text.length() - 1, position(text, at));
            return text.substring(0, k) + (char) (text.charAt(k) ^ (1 << bit)) + text.substring(k + 1);
        }
    }

    /** Flips one bit of one byte of the UTF-8 encoding, then decodes again (bad sequences become U+FFFD). */
    record ByteFlip(int at, int bit) implements Mutation {
        @Override
        public String apply(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length == 0) {
                return text;
            }
            int k = Math.min(bytes.length - 1, (int) ((long) at * bytes.length / SCALE));
            bytes[k] ^= (byte) (1 << bit);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Cuts the body short. */
    record Truncate(int at) implements Mutation {
        @Override
        public String apply(String text) {
            return text.substring(0, position(text, at));
        }
    }

    /** Deletes a few lines. */
    record DeleteLines(int at, int count) implements Mutation {
        @Override
        public String apply(String text) {
            List<String> lines = lines(text);
            int from = lineIndex(lines, at);
            lines.subList(from, Math.min(lines.size(), from + count)).clear();
            return String.join("\n", lines);
        }
    }

    /** Repeats a few lines many times. */
    record DuplicateLines(int at, int count, int times) implements Mutation {
        @Override
        public String apply(String text) {
            List<String> lines = lines(text);
            int from = lineIndex(lines, at);
            List<String> block = List.copyOf(lines.subList(from, Math.min(lines.size(), from + count)));
            for (int k = 0; k < times; k++) {
                lines.addAll(from, block);
            }
            return String.join("\n", lines);
        }
    }

    /** Swaps two lines. */
    record SwapLines(int first, int second) implements Mutation {
        @Override
        public String apply(String text) {
            List<String> lines = lines(text);
            java.util.Collections.swap(lines, lineIndex(lines, first), lineIndex(lines, second));
            return String.join("\n", lines);
        }
    }

    /** Folds a line at a random point. */
    record Fold(int at, String fold) implements Mutation {
        @Override
        public String apply(String text) {
            int k = position(text, at);
            return text.substring(0, k) + fold + text.substring(k);
        }
    }

    /** Unfolds every folded line (and so joins lines that were never folded, if they start with a space). */
    record Unfold() implements Mutation {
        @Override
        public String apply(String text) {
            return text.replace("\r\n ", "")
                    .replace("\r\n\t", "")
                    .replace("\n ", "")
                    .replace("\n\t", "");
        }
    }

    /** Replaces every line end. */
    record LineEnds(String end) implements Mutation {
        @Override
        public String apply(String text) {
            return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", end);
        }
    }

    /** Inserts a content line before a line. */
    record InsertLine(int at, String line) implements Mutation {
        @Override
        public String apply(String text) {
            List<String> lines = lines(text);
            lines.add(lineIndex(lines, at), line + "\r");
            return String.join("\n", lines);
        }
    }

    /** Inserts text anywhere. */
    record InsertText(int at, String inserted) implements Mutation {
        @Override
        public String apply(String text) {
            int k = position(text, at);
            return text.substring(0, k) + inserted + text.substring(k);
        }

        @Override
        public String toString() {
            return "InsertText[at=" + at + ", inserted=" + preview(inserted) + "]";
        }
    }

    /** Inserts one very long line. */
    record HugeLine(int at, int length, String prefix, char fill) implements Mutation {
        @Override
        public String apply(String text) {
            List<String> lines = lines(text);
            lines.add(lineIndex(lines, at), prefix + String.valueOf(fill).repeat(length) + "\r");
            return String.join("\n", lines);
        }
    }

    /** Inserts {@code depth} nested BEGIN lines, with their END lines when balanced. */
    record Nest(int at, int depth, String name, boolean balanced) implements Mutation {
        @Override
        public String apply(String text) {
            List<String> lines = lines(text);
            int k = lineIndex(lines, at);
            String nested =
                    ("BEGIN:" + name + "\r\n").repeat(depth) + (balanced ? ("END:" + name + "\r\n").repeat(depth) : "");
            lines.add(k, nested.substring(0, nested.length() - 1));
            return String.join("\n", lines);
        }
    }

    /** The body several times over: several VCALENDARs in one feed. */
    record Repeat(int times) implements Mutation {
        @Override
        public String apply(String text) {
            return text.repeat(times);
        }
    }

    /** Overwrites a few characters with digits (dates, counts). */
    record Overwrite(int at, int length, String digits) implements Mutation {
        @Override
        public String apply(String text) {
            int k = position(text, at);
            return text.substring(0, k) + digits + text.substring(Math.min(text.length(), k + length));
        }
    }

    /** Swaps the case of the letters in a span. */
    record FlipCase(int at, int length) implements Mutation {
        @Override
        public String apply(String text) {
            int k = position(text, at);
            StringBuilder out = new StringBuilder(text);
            for (int i = k; i < Math.min(text.length(), k + length); i++) {
                char c = out.charAt(i);
                out.setCharAt(i, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
            }
            return out.toString();
        }
    }

    static String preview(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…(" + text.length() + " chars)";
    }
}
