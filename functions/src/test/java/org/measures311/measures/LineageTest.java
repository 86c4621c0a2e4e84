package org.measures311.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drop sets per bucket and day, below and beyond 64 drops (one word per bucket-day, then a bit set). */
class LineageTest {
    @Test
    void unionNamesEveryDropOfTheDaysAndBucketsAskedSortedById() {
        // 70 drops numbered in landing order whose ids sort the other way round: drop d has id "d-(99-d)".
        List<String> ids = new ArrayList<>();
        for (int d = 0; d < 70; d++) {
            ids.add(String.format("d-%02d", 99 - d));
        }
        Lineage lineage = new Lineage(10, ids);
        lineage.add(Lineage.PHONE, 0, 0);         // id d-99, rank 69 (beyond the first word)
        lineage.add(Lineage.PHONE, 0, 69);        // id d-30, rank 0
        lineage.add(Lineage.PHONE, 3, 5);         // id d-94, rank 64
        lineage.add(Lineage.TICKETS, 3, 10, 60);  // ids d-89 (rank 59), d-39 (rank 9)
        lineage.add(Lineage.TICKETS, 3, 10, 60);  // a repeated pair changes nothing
        lineage.add(Lineage.TICKETS + 1, 9, 1);   // id d-98, on a day and bucket not asked below

        assertThat(lineage.dropIds(lineage.union(0, 3, Lineage.PHONE))).containsExactly("d-30", "d-94", "d-99");
        assertThat(lineage.dropIds(lineage.union(3, 3, Lineage.PHONE, Lineage.TICKETS)))
                .containsExactly("d-39", "d-89", "d-94");
        assertThat(lineage.dropIds(lineage.union(1, 2, Lineage.PHONE, Lineage.TICKETS))).isEmpty();

        var withReference = lineage.union(0, 0, Lineage.PHONE);
        lineage.addTo(withReference, 68);         // id d-31, rank 1
        assertThat(lineage.dropIds(withReference)).containsExactly("d-30", "d-31", "d-99");
    }
}
