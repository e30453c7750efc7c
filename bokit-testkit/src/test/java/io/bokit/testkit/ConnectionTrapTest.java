package io.bokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class ConnectionTrapTest {

    @Test
    void countsEveryConnectionAndClosesIt() throws Exception {
        try (ConnectionTrap trap = ConnectionTrap.open()) {
            assertThat(trap.connections()).isZero();

            for (int i = 0; i < 2; i++) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", trap.port()), 5_000);
                    socket.setSoTimeout(30_000);
                    try (InputStream in = socket.getInputStream()) {
                        assertThat(in.read())
                                .as("the trap closes the connection")
                                .isEqualTo(-1);
                    }
                }
            }

            assertThat(trap.connections()).isEqualTo(2);
            assertThat(trap.url("/x?y")).isEqualTo("http://127.0.0.1:" + trap.port() + "/x?y");
            assertThat(trap.localhostUrl("/x")).isEqualTo("http://localhost:" + trap.port() + "/x");
        }
    }
}
