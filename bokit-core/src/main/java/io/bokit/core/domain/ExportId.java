package io.bokit.core.domain;

/** The id of an {@link ExportLink}, e.g. {@code x3f9a0c2b}: how the CLI and hosts name an export, never its secret. */
public record ExportId(String value) {
    public ExportId {
        Ids.check("export id", value);
    }

    /** Shorthand for {@code new ExportId(value)}. */
    public static ExportId of(String value) {
        return new ExportId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
