/** bokit's {@code ICalFeedPort} over HTTP/1.1 on the JDK's sockets and TLS: {@code HttpFeedFetcher} and its settings. */
module io.bokit.http {
    requires transitive io.bokit.core;
    requires org.slf4j;

    exports io.bokit.http;
}
