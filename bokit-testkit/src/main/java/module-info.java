/**
 * Test support for bokit users and adapters: {@code MutableClock}, the in-memory ports, the local feed servers and one
 * contract suite per port.
 */
module io.bokit.testkit {
    requires transitive io.bokit.core;
    requires transitive org.junit.jupiter.api;
    requires org.assertj.core;
    requires jdk.httpserver;
    requires java.net.http;
    // LogCapture only: optional, so a user of the testkit keeps its own logging binding
    requires static org.slf4j;
    requires static ch.qos.logback.classic;
    requires static ch.qos.logback.core;
    // HeadlessChromium only: optional, so only a browser test brings Selenium
    requires static org.seleniumhq.selenium.api;
    requires static org.seleniumhq.selenium.chrome_driver;

    exports io.bokit.testkit;
    exports io.bokit.testkit.contract;

    // JUnit runs the contract suites' test methods by reflection
    opens io.bokit.testkit.contract to
            org.junit.platform.commons;
}
