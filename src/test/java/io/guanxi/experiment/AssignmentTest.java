package io.guanxi.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The split is a pure function of experiment and customer, and meets its share. */
class AssignmentTest {

    private static final int CUSTOMERS = 20_000;

    @Test
    void tenPercentShareGetsTenPercentOfTwentyThousandCustomersWithinOnePoint() {
        long inShare = IntStream.range(0, CUSTOMERS).filter(i -> Assignment.inShare(7, "CUST-" + i, 10)).count();
        double share = 100.0 * inShare / CUSTOMERS;

        assertTrue(share >= 9.0 && share <= 11.0, "share was " + share + " %");
    }

    @Test
    void everyShareFromOneToFiftyIsMetWithinOnePoint() {
        for (int percent : new int[] {1, 5, 25, 50}) {
            long inShare = IntStream.range(0, CUSTOMERS).filter(i -> Assignment.inShare(42, "C" + i, percent)).count();
            assertEquals(percent, 100.0 * inShare / CUSTOMERS, 1.0, "share " + percent);
        }
    }

    @Test
    void sameCustomerGetsTheSameBucketEveryTimeAndAnotherExperimentDrawsAgain() {
        assertEquals(Assignment.bucket(3, "ACME-1"), Assignment.bucket(3, "ACME-1"));
        // Pinned: a bucket that moved would move customers between arms after an upgrade.
        assertEquals(1407, Assignment.bucket(3, "ACME-1"));
        long sameArm = IntStream.range(0, CUSTOMERS)
                .filter(i -> Assignment.inShare(1, "C" + i, 10) == Assignment.inShare(2, "C" + i, 10)).count();
        assertTrue(sameArm < CUSTOMERS, "experiments 1 and 2 split the customers differently");
    }
}
