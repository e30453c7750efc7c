package io.bokit.core.port.in;

import io.bokit.core.domain.ExportLink;
import io.bokit.core.domain.ExportToken;
import java.util.Objects;

/**
 * An export and its new token: the one time the token is known in clear, since bokit keeps only its hash.
 *
 * @param link the export as stored, not null
 * @param token its current token, not null; {@link ExportToken#reveal()} gives the secret
 */
public record IssuedExport(ExportLink link, ExportToken token) {
    public IssuedExport {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(token, "token");
        if (!link.tokenHash().matches(token)) {
            throw new IllegalArgumentException("The token of export " + link.id() + " is not its current one");
        }
    }

    /** The path of the export under the host's export path, such as {@code /bokit/ical}: {@code <path>/<token>.ics}. */
    public String path(String exportPath) {
        String base = exportPath.endsWith("/") ? exportPath.substring(0, exportPath.length() - 1) : exportPath;
        return base + "/" + token.reveal() + ".ics";
    }
}
