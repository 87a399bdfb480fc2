package io.guanxi.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;

/** The stored state of one customer in plain JDBC: the read every decision makes, kept as cheap as it gets. */
public final class StateQuery {

    private static final String SQL = "SELECT customer_id, cooperation_stage, last_share, last_decision_id, version,"
            + " updated_at FROM customer_state WHERE customer_id = ?";

    private StateQuery() {
    }

    public static Optional<CustomerState> find(Connection c, String customerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SQL)) {
            s.setString(1, customerId);
            try (ResultSet row = s.executeQuery()) {
                return row.next()
                        ? Optional.of(new CustomerState(row.getString(1), row.getString(2), row.getString(3),
                                row.getString(4), row.getLong(5), row.getObject(6, LocalDateTime.class)))
                        : Optional.empty();
            }
        }
    }
}
