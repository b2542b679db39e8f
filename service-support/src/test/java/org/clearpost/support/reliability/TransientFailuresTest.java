package org.clearpost.support.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import org.clearpost.events.MalformedEventException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransientFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "08003", "40001", "40P01", "55P03", "53300", "57P01", "57P03"})
    void aDatabaseAwayOrARaceLostIsTransient(String sqlState) {
        assertThat(TransientFailures.isTransient(new SQLException("failed", sqlState))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23503", "42P01", "22001", "3D000"})
    void aConstraintOrSchemaErrorIsNot(String sqlState) {
        assertThat(TransientFailures.isTransient(new SQLException("failed", sqlState))).isFalse();
    }

    @Test
    void theCauseChainIsRead() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001",
                new ConnectException("Connection refused"));
        IllegalStateException inbox = new IllegalStateException("Cannot record event 1 as processed", refused);
        assertThat(TransientFailures.isTransient(new RuntimeException("wrapped", inbox))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new EOFException()))).isFalse();
    }

    @Test
    void aCommitLostWithTheDatabaseIsTransientThoughOnlySuppressed() {
        // As Narayana reports it (seen in the fault suite's kill -9 of PostgreSQL): a RollbackException without a
        // cause, the XAException suppressed, and under it PostgreSQL's I/O error (SQLState 08006).
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException()));
        rollback.addSuppressed(xa);
        assertThat(TransientFailures.isTransient(rollback)).isTrue();
        Exception bug = new Exception("Could not commit transaction.");
        bug.addSuppressed(new IllegalStateException("a bug"));
        assertThat(TransientFailures.isTransient(bug)).isFalse();
    }

    @Test
    void agroalsAcquisitionTimeoutIsTransient() {
        assertThat(TransientFailures.isTransient(
                new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException())))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLTransientConnectionException("pool closed"))).isTrue();
    }

    @Test
    void aRecordThatCannotBeReadIsNeverTransientWhateverElseHappened() {
        MalformedEventException forged = new MalformedEventException("signature does not match");
        assertThat(TransientFailures.isTransient(forged)).isFalse();
        forged.initCause(new SQLException("refused", "08001"));
        assertThat(TransientFailures.isTransient(forged)).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException(forged))).isFalse();
    }

    @Test
    void ordinaryBugsAreNotTransient() {
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad"))).isFalse();
    }

    @Test
    void kafkasRetriableErrorsAreTransient() {
        assertThat(TransientFailures.isTransient(
                new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata"))).isTrue();
        assertThat(TransientFailures.isTransient(
                new org.apache.kafka.common.errors.RecordTooLargeException("too big"))).isFalse();
    }

    @Test
    void aSelfCausedExceptionDoesNotLoop() {
        RuntimeException looping = new RuntimeException() {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };
        assertThat(TransientFailures.isTransient(looping)).isFalse();
    }
}
