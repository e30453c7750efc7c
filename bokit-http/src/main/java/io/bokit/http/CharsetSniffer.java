package io.bokit.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a body into text: a byte-order mark wins (UTF-8, UTF-16 BE/LE, and is stripped); else the
 * Content-Type charset; else UTF-8, falling back to windows-1252 when the bytes are not valid
 * UTF-8. A declared UTF-8 or US-ASCII that the bytes contradict gets the same fallback, and
 * ISO-8859-1 is read as its superset windows-1252, as browsers do.
 */
final class CharsetSniffer {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)\"?");

    private CharsetSniffer() {}

    /**
     * Decodes a body.
     *
     * @param body the raw bytes, not null
     * @param contentType the Content-Type header, or null
     * @return the text without a leading byte-order mark, never null
     */
    static String decode(byte[] body, String contentType) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return utf8OrWindows1252(body, 3);
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
        }
        Optional<Charset> declared = declared(contentType);
        if (declared.isEmpty()
                || declared.get().equals(StandardCharsets.UTF_8)
                || declared.get().equals(StandardCharsets.US_ASCII)) {
            return utf8OrWindows1252(body, 0);
        }
        Charset charset = declared.get().equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : declared.get();
        return stripBom(new String(body, charset));
    }

    /** The charset a Content-Type names, if the JVM supports it. */
    static Optional<Charset> declared(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher matcher = CHARSET.matcher(contentType);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(matcher.group(1).toLowerCase(Locale.ROOT)));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static String utf8OrWindows1252(byte[] body, int offset) {
        ByteBuffer bytes = ByteBuffer.wrap(body, offset, body.length - offset);
        try {
            CharBuffer text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return stripBom(text.toString());
        } catch (CharacterCodingException e) {
            return stripBom(new String(body, offset, body.length - offset, WINDOWS_1252));
        }
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
