package io.bokit.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate made at test time by the JDK's {@code keytool} (no private key is committed), for
 * {@value #NAME} and {@code 127.0.0.1}, generated once per test JVM.
 */
final class TestCertificate {
    /** The DNS name the certificate is for. */
    static final String NAME = "feeds.example.test";

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static KeyStore store;

    private TestCertificate() {}

    /** A TLS context that both serves and trusts the certificate. */
    static SSLContext tls() {
        try {
            KeyStore keys = keyStore();
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, PASSWORD);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("test TLS context", e);
        }
    }

    private static synchronized KeyStore keyStore() throws Exception {
        if (store == null) {
            Path dir = Files.createTempDirectory("bokit-tls");
            Path file = dir.resolve("test.p12");
            String keytool =
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(List.of(
                            keytool,
                            "-genkeypair",
                            "-alias",
                            "feed",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-dname",
                            "CN=" + NAME,
                            "-ext",
                            "SAN=dns:" + NAME + ",ip:127.0.0.1",
                            "-validity",
                            "2",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            file.toString(),
                            "-storepass",
                            new String(PASSWORD)))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
            KeyStore loaded = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                loaded.load(in, PASSWORD);
            }
            Files.delete(file);
            Files.delete(dir);
            store = loaded;
        }
        return store;
    }
}
