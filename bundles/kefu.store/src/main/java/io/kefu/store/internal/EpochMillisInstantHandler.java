package io.kefu.store.internal;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Stores {@link Instant}s as BIGINT milliseconds since the epoch. TIMESTAMP columns lose precision or shift with
 * session time zones depending on the database: Connector/J reads MariaDB 10.x's "5.5.5-10.x" version as MySQL
 * 5.5 and drops milliseconds, and MySQL converts TIMESTAMP values through the session zone. A number is the same
 * everywhere.
 */
final class EpochMillisInstantHandler extends BaseTypeHandler<Instant> {

    @Override
    public void setNonNullParameter(PreparedStatement statement, int index, Instant value, JdbcType jdbcType)
            throws SQLException {
        statement.setLong(index, value.toEpochMilli());
    }

    @Override
    public Instant getNullableResult(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public Instant getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
        long millis = rs.getLong(columnIndex);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public Instant getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
        long millis = cs.getLong(columnIndex);
        return cs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
