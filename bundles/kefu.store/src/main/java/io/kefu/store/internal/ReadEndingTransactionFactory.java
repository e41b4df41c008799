package io.kefu.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.ibatis.session.TransactionIsolationLevel;
import org.apache.ibatis.transaction.Transaction;
import org.apache.ibatis.transaction.jdbc.JdbcTransaction;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * MyBatis transactions that end a session which only read with a commit rather than leaving it to the pool.
 *
 * <p>Sessions on a connection of their own (the usual case) come from the pool. MyBatis rolls back a session
 * that wrote and was not committed, but leaves a session that only read as it is; the pool then rolls it back
 * when the connection comes back. On H2 a rollback empties the connection's cache
 * of parsed statements, and the connection is the one the workflow engine takes next: measured on the ticket
 * benchmark, a sixth of a ticket's time went to H2 parsing the engine's statements again after Kefu's reads. A
 * commit ends the read the same way (nothing was written: what wrote was committed or rolled back before close)
 * and keeps the cache.
 */
final class ReadEndingTransactionFactory extends JdbcTransactionFactory {
    /**
     * A session on a connection the caller hands over takes part in the caller's transaction (a process step's,
     * say): the session neither commits, rolls back nor closes it; the caller does.
     */
    @Override
    public Transaction newTransaction(Connection connection) {
        return new Transaction() {
            @Override
            public Connection getConnection() {
                return connection;
            }

            @Override
            public void commit() {
                // the caller's
            }

            @Override
            public void rollback() {
                // the caller's
            }

            @Override
            public void close() {
                // the caller's
            }

            @Override
            public Integer getTimeout() {
                return null;
            }
        };
    }

    @Override
    public Transaction newTransaction(DataSource dataSource, TransactionIsolationLevel level, boolean autoCommit) {
        return new JdbcTransaction(dataSource, level, autoCommit, true) {
            @Override
            public void close() throws SQLException {
                if (connection != null && !connection.getAutoCommit()) {
                    connection.commit();
                }
                super.close();
            }
        };
    }
}
