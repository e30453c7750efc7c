package io.bokit.http;

import io.bokit.core.domain.FeedUrl;
import io.bokit.core.port.out.ICalFeedPort.Content;
import io.bokit.core.port.out.ICalFeedPort.Failed;
import io.bokit.core.port.out.ICalFeedPort.FetchRequest;
import io.bokit.core.port.out.ICalFeedPort.FetchResult;
import io.bokit.core.port.out.ICalFeedPort.NotModified;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Reads {@code file:} feeds when the settings allow them, under the same body cap and charset
 * rules as HTTP; the file's modification time serves as Last-Modified, so an unchanged file is
 * "not modified".
 */
final class FileFeedReader {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private final HttpFetchSettings settings;

    FileFeedReader(HttpFetchSettings settings) {
        this.settings = settings;
    }

    FetchResult read(FetchRequest request) {
        FeedUrl url = request.url();
        if (!settings.allowFileUrls()) {
            return new Failed(
                    "refused: file URLs are not allowed (" + url.masked()
                            + "); enable allowFileUrls to read local files",
                    0,
                    null);
        }
        Path path;
        try {
            path = Path.of(url.reveal());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return new Failed("invalid file URL " + url.masked(), 0, null);
        }
        try {
            if (!Files.isRegularFile(path)) {
                return new Failed("not a readable file: " + url.masked(), 0, null);
            }
            String lastModified =
                    HTTP_DATE.format(Files.getLastModifiedTime(path).toInstant().atOffset(ZoneOffset.UTC));
            if (lastModified.equals(request.lastModified())) {
                return new NotModified();
            }
            if (Files.size(path) > settings.maxBodyBytes()) {
                return new Failed("body exceeds " + settings.maxBodyBytes() + " bytes", 0, null);
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] bytes = new BodyReader(settings.maxBodyBytes()).read(in, null);
                return new Content(CharsetSniffer.decode(bytes, null), null, lastModified);
            }
        } catch (BodyReader.TooLargeException e) {
            return new Failed(e.getMessage(), 0, null);
        } catch (NoSuchFileException e) {
            return new Failed("file not found: " + url.masked(), 0, null);
        } catch (AccessDeniedException e) {
            return new Failed("cannot read file (access denied): " + url.masked(), 0, null);
        } catch (IOException e) {
            return new Failed(
                    "cannot read file " + url.masked() + ": " + e.getClass().getSimpleName(), 0, null);
        }
    }
}
