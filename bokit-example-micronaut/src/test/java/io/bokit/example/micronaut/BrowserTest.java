package io.bokit.example.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.testkit.HeadlessChromium;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.HasAuthentication;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator's page in a real browser: headless Chromium driven by chromedriver against the example on its Netty
 * server on 127.0.0.1, the page guarded by the example's {@link BasicAuthDashboardGuard} (HTTP Basic, credentials
 * in the test's configuration). The same checks as the Spring example's BrowserTest. Without Chromium the test is
 * skipped, unless {@code -Dbokit.test.browser.required=true} turns the skip into a failure; screenshots go to {@code
 * target/browser/} (both by the testkit's {@link HeadlessChromium}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
    private static final String SECRET = "BROWSER-SECRET-" + UUID.randomUUID();
    private static final String PASSWORD = "pw-" + UUID.randomUUID();

    private static ApplicationContext app;
    private static String host;

    @BeforeAll
    static void startTheExample() throws IOException {
        HeadlessChromium.assumePresent();
        int port = freePort();
        host = "127.0.0.1:" + port;
        app = Micronaut.build(
                        "-micronaut.server.host=127.0.0.1",
                        "-micronaut.server.port=" + port,
                        "-datasources.default.url=jdbc:h2:mem:browser-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        // automatic syncs off: only the page's button syncs
                        "-bokit.install-complete=false",
                        "-bokit.dashboard.enabled=true",
                        "-example.dashboard.password=" + PASSWORD,
                        "-bokit.calendars.seaview.feeds.seaview-vrbo.name=Vrbo",
                        "-bokit.calendars.seaview.feeds.seaview-vrbo.url=http://" + host + "/demo/gone.ics?key="
                                + SECRET)
                .mainClass(Application.class)
                .banner(false)
                .start();
    }

    @AfterAll
    static void stopTheExample() {
        if (app != null) {
            app.close();
        }
    }

    /** Gives the browser the operator's credentials for every challenge (what a person types in its dialog). */
    private static void signIn(WebDriver driver) {
        ((HasAuthentication) driver).register(UsernameAndPassword.of("host", PASSWORD));
        driver.get("http://" + host + "/bokit");
        assertThat(driver.getTitle()).isEqualTo("bokit: calendars and feeds");
    }

    @Test
    @Order(3)
    void theHostSeesTheSeededFeedsAndSyncNowShowsTheResultAndTheFailedFeedWithoutItsSecret() throws IOException {
        WebDriver driver = HeadlessChromium.start();
        try {
            signIn(driver);

            String before = driver.getPageSource();
            assertThat(before)
                    .contains("signed in as <strong>host</strong>")
                    .contains("Sea View Apartment", "Garden Studio", "Airbnb", "Booking.com", "Vrbo", "Never synced")
                    .doesNotContain(SECRET);
            HeadlessChromium.screenshot(driver, "micronaut-before-sync");

            // the button, reached with the keyboard as well as the mouse
            driver.findElement(By.xpath("//button[text()='Sync now']")).sendKeys(Keys.ENTER);

            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().endsWith("/bokit?done=synced"));
            String after = driver.getPageSource();
            assertThat(after)
                    .contains("The sync finished", "3 feeds, 5 created", "1 error")
                    .contains("Anna Schmidt")
                    .contains("Vrbo</strong> failed: HTTP 404")
                    .contains("/demo/gone.ics?…")
                    .doesNotContain(SECRET);
            HeadlessChromium.screenshot(driver, "micronaut-after-sync");
        } finally {
            driver.quit();
        }
    }

    @Test
    @Order(2)
    void aRequestWithoutCredentialsOrWithAWrongPasswordIsRefused() throws IOException {
        WebDriver driver = HeadlessChromium.start();
        try {
            // an open page of the example, then the operator's page fetched from it: a navigation would stop at the
            // browser's password dialog, which a headless browser never shows
            driver.get("http://" + host + "/");
            String without = refusal(driver, null);
            String wrong = refusal(driver, "host:not-" + PASSWORD);

            assertThat(without)
                    .isEqualTo(wrong)
                    .isEqualTo("401 Basic realm=\"bokit\", charset=\"UTF-8\" Sign in to see this page.");
        } finally {
            driver.quit();
        }
    }

    /** The status, challenge and body of {@code GET /bokit} fetched by the page without the browser's credentials. */
    private static String refusal(WebDriver driver, String credentials) {
        Object answer = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "var headers = arguments[0] ? {Authorization: 'Basic ' + btoa(arguments[0])} : {};"
                                + "fetch('/bokit', {credentials: 'omit', headers: headers}).then(function (r) {"
                                + " return r.text().then(function (t) {"
                                + " done(r.status + ' ' + r.headers.get('WWW-Authenticate') + ' ' + t); }); },"
                                + " function (e) { done('failed: ' + e); });",
                        credentials);
        return String.valueOf(answer);
    }

    @Test
    @Order(1)
    void aPostWithoutThePagesCsrfTokenIsRefused() throws IOException {
        WebDriver driver = HeadlessChromium.start();
        try {
            signIn(driver);
            ((JavascriptExecutor) driver)
                    .executeScript("document.querySelector(\"form[action$='/bokit/sync'] input[name=csrf]\").remove()");
            driver.findElement(By.xpath("//button[text()='Sync now']")).click();

            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> d.getPageSource().contains("This form has expired or did not come from this page"));
            driver.get("http://" + host + "/bokit");
            assertThat(driver.getPageSource()).contains("No run has finished");
        } finally {
            driver.quit();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
