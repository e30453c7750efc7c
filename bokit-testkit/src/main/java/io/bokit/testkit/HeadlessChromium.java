package io.bokit.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven by chromedriver, for the browser tests of the operator's page: finds the two programs
 * (Debian's {@code chromium} and {@code chromium-driver}, as {@code .ci/chromium} installs them, or the paths in
 * {@code -Dbokit.test.chromium} and {@code -Dbokit.test.chromedriver}), skips the test class saying why when one is
 * missing (a failure with {@code -Dbokit.test.browser.required=true}), starts browsers with a profile of their own, and
 * saves screenshots under {@code target/browser/}. Selenium ({@code selenium-api} and {@code selenium-chrome-driver})
 * is an optional dependency of the testkit: a test that uses this class declares it.
 */
public final class HeadlessChromium {
    /** The system property that turns a missing Chromium from a skip into a failure, as CI sets it. */
    public static final String REQUIRED = "bokit.test.browser.required";

    private static final Path CHROMIUM = Path.of(System.getProperty("bokit.test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("bokit.test.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {}

    /**
     * Skips the calling test (call it from {@code @BeforeAll}) when Chromium or chromedriver is missing, saying why and
     * how to install them; fails instead when {@value #REQUIRED} is true.
     *
     * @throws IllegalStateException when a program is missing and the browser tests are required
     */
    public static void assumePresent() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String reason = "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): install them with .ci/chromium to run the browser tests";
        if (Boolean.getBoolean(REQUIRED)) {
            throw new IllegalStateException(reason + "; " + REQUIRED + "=true");
        }
        Assumptions.abort(reason);
    }

    /**
     * A new headless browser with a fresh profile, a 1400 by 1800 window, no background traffic and a 30-second page
     * load timeout; the caller quits it.
     *
     * @return the browser
     * @throws IOException when the profile directory cannot be made
     */
    public static WebDriver start() throws IOException {
        Path profile = Files.createTempDirectory("bokit-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1400,1800",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Saves what the browser shows as {@code target/browser/<name>.png} (relative to the module being built),
     * replacing an older one.
     *
     * @param driver a browser from {@link #start()}
     * @param name the file's name without {@code .png}
     * @return the saved file
     * @throws IOException when it cannot be written
     */
    public static Path screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "browser"));
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        return Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
