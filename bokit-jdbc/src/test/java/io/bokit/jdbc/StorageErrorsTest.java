package io.bokit.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bokit.core.domain.StorageException;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Driver failures reach the caller as {@link StorageException}s with the cause and without secrets. */
class StorageErrorsTest {

    @Test
    void wrapsUnreachableDatabaseWithoutCredentials() throws SQLException {
        // given a database, and a data source whose password is wrong
        JdbcDataSource owner = new JdbcDataSource();
        owner.setURL("jdbc:h2:mem:errors;DB_CLOSE_DELAY=-1");
        owner.setUser("sa");
        owner.setPassword("the-right-one");
        owner.getConnection().close();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:errors;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("s3cret-password");

        // when / then
        assertThatThrownBy(
                        () -> BokitJdbc.builder(dataSource).dialect(Dialect.H2).build())
                .isInstanceOf(StorageException.class)
                .hasCauseInstanceOf(SQLException.class)
                .message()
                .startsWith("Could not ")
                .doesNotContain("s3cret-password");
    }

    @Test
    void wrapsFailureOfTablesThatAreMissing() {
        // given tables never created
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:missing;DB_CLOSE_DELAY=-1");
        BokitJdbc stores =
                BokitJdbc.builder(dataSource).initialize(InitializeMode.NEVER).build();

        // when / then
        assertThatThrownBy(() -> stores.options().loadAll())
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("Could not load the options")
                .hasCauseInstanceOf(SQLException.class);
    }
}
