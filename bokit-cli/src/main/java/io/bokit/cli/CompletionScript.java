package io.bokit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/** Writes the bash/zsh completion script of {@code bokit-cli}; run by the build at {@code package}. */
public final class CompletionScript {
    private CompletionScript() {}

    /**
     * Writes the script.
     *
     * @param args one argument: the file to write
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompletionScript <output file>");
        }
        StringWriter ignored = new StringWriter();
        var commandLine =
                BokitCli.commandLine(Environment.system(), new PrintWriter(ignored), new PrintWriter(ignored));
        Path target = Path.of(args[0]);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, AutoComplete.bash("bokit-cli", commandLine), StandardCharsets.UTF_8);
    }
}
