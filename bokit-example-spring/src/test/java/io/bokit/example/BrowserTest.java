package io.bokit.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.bokit.testkit.HeadlessChromium;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator's page in a real browser: headless Chromium driven by chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}) against the example on real HTTP, signed in through Spring Security's login form.
 * Without Chromium the test is skipped, unless {@code -Dbokit.test.browser.required=true} (as {@code .ci/run}
 * passes) turns the skip into a failure; screenshots go to {@code target/browser/} (both by the testkit's
 * {@link HeadlessChromium}).
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class BrowserTest {
    private static final String SECRET = "BROWSER-SECRET-" + UUID.randomUUID();

    private static ConfigurableApplicationContext app;
    private static String root;

    @BeforeAll
    static void startTheExample() throws IOException {
        HeadlessChromium.assumePresent();
        int port = freePort();
        root = "http://127.0.0.1:" + port;
        app = new SpringApplicationBuilder(ExampleApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .run(
                        "--server.port=" + port,
                        "--server.address=127.0.0.1",
                        "--spring.datasource.url=jdbc:h2:mem:browser-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        // automatic syncs off: only the page's button syncs
                        "--bokit.install-complete=false",
                        "--bokit.calendars.seaview.feeds.seaview-vrbo.name=Vrbo",
                        "--bokit.calendars.seaview.feeds.seaview-vrbo.url=" + root + "/demo/gone.ics?key=" + SECRET);
    }

    @AfterAll
    static void stopTheExample() {
        if (app != null) {
            app.close();
        }
    }

    private static void signIn(WebDriver driver, String user) {
        driver.get(root + "/bokit");
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void theHostSeesTheSeededFeedsAndSyncNowShowsTheResultAndTheFailedFeedWithoutItsSecret() throws IOException {
        WebDriver driver = HeadlessChromium.start();
        try {
            signIn(driver, "host");

            String before = driver.getPageSource();
            assertThat(driver.getTitle()).isEqualTo("bokit: calendars and feeds");
            assertThat(before).contains("Sea View Apartment", "Airbnb", "Booking.com", "Vrbo", "Never synced");
            HeadlessChromium.screenshot(driver, "spring-before-sync");

            // the button, reached with the keyboard as well as the mouse
            driver.findElement(By.xpath("//button[text()='Sync now']")).sendKeys(org.openqa.selenium.Keys.ENTER);

            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().endsWith("/bokit?done=synced"));
            String after = driver.getPageSource();
            assertThat(after)
                    .contains("The sync finished", "3 feeds, 5 created", "1 error")
                    .contains("Maria Silva")
                    .contains("Vrbo</strong> failed: HTTP 404")
                    .contains("/demo/gone.ics?…")
                    .doesNotContain(SECRET);
            HeadlessChromium.screenshot(driver, "spring-after-sync");
        } finally {
            driver.quit();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aUserWithoutTheRoleIsRefused() throws IOException {
        WebDriver driver = HeadlessChromium.start();
        try {
            signIn(driver, "guest");

            assertThat(driver.getPageSource())
                    .contains("You may not see this page.")
                    .doesNotContain("Sea View");
        } finally {
            driver.quit();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aPostWithoutThePagesCsrfTokenIsRefused() throws IOException {
        WebDriver driver = HeadlessChromium.start();
        try {
            signIn(driver, "host");
            // the form keeps Spring Security's token; only bokit's own is taken out
            ((JavascriptExecutor) driver)
                    .executeScript("document.querySelector(\"form[action$='/bokit/sync'] input[name=csrf]\").remove()");
            driver.findElement(By.xpath("//button[text()='Sync now']")).click();

            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> d.getPageSource().contains("This form has expired or did not come from this page"));
            driver.get(root + "/bokit");
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
