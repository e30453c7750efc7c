package io.bokit.cli;

import picocli.CommandLine.IVersionProvider;

/** The version shown by {@code --version}: the jar manifest's {@code Implementation-Version}. */
final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = ManifestVersion.class.getPackage().getImplementationVersion();
        return new String[] {
            "bokit-cli " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
