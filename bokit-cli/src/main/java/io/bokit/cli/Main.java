package io.bokit.cli;

/** The {@code bokit-cli} entry point: runs the command line on this process's environment and exits with its code. */
public final class Main {
    private Main() {}

    /** Runs {@code bokit-cli} with the given arguments. */
    public static void main(String[] args) {
        System.exit(BokitCli.run(Environment.system(), args));
    }
}
