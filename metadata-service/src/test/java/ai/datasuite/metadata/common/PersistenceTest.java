package ai.datasuite.metadata.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import ai.datasuite.problem.ProblemException;

class PersistenceTest {

    @Test
    void onlyAKeyViolationInTheCauseChainIsAConflict() {
        ConstraintViolationException duplicate = new ConstraintViolationException("duplicate",
                new SQLException("Duplicate entry", "23000", 1062), "insert", "uq_files_owner_sha256");
        assertTrue(Persistence.isConstraintViolation(duplicate));
        assertTrue(Persistence.isConstraintViolation(new PersistenceException("flush failed", duplicate)));

        JDBCConnectionException lost = new JDBCConnectionException("connection lost",
                new SQLException("Connection reset", "08S01"));
        assertFalse(Persistence.isConstraintViolation(lost));
        assertFalse(Persistence.isConstraintViolation(new PersistenceException("flush failed", lost)));
        assertFalse(Persistence.isConstraintViolation(new PersistenceException("no cause")));
    }

    @Test
    void aPageWhoseOffsetOverflowsAnIntIsRefused() {
        // 10_737_418 * 200 = 2_147_483_600: the last page whose first row still fits.
        assertEquals(10_737_418, Persistence.page(10_737_418, 200).index);
        ProblemException e = assertThrows(ProblemException.class,
                () -> Persistence.page(Integer.MAX_VALUE, 200));
        assertEquals(400, e.status());
    }
}
