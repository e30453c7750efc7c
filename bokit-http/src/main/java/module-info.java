/** bokit's {@code ICalFeedPort} over the JDK {@code HttpClient}: {@code HttpFeedFetcher} and its settings. */
module io.bokit.http {
    requires transitive io.bokit.core;
    requires java.net.http;
    requires org.slf4j;

    exports io.bokit.http;
}
