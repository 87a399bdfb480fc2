package io.guanxi.decisionlog.write;

import io.guanxi.testing.AuditDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/** Makes the database refuse decision records of customers named REFUSE-…, and only those: safe on the shared test database. */
final class RefusingTrigger {

    private RefusingTrigger() {
    }

    static void create(Connection c) throws SQLException {
        AuditDatabase.update(c, """
                CREATE TRIGGER refuse_test_records BEFORE INSERT ON decision_record FOR EACH ROW
                BEGIN
                  IF NEW.customer_id LIKE 'REFUSE-%' THEN
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test';
                  END IF;
                END""");
    }

    static void drop(Connection c) throws SQLException {
        AuditDatabase.update(c, "DROP TRIGGER IF EXISTS refuse_test_records");
    }
}
