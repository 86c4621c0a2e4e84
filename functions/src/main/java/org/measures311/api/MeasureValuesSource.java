package org.measures311.api;

import java.util.List;
import java.util.OptionalLong;
import org.measures311.measures.Grain;
import org.measures311.measures.MeasureRow;

/**
 * Port: the published rows of one measure at one grain (one Cosmos partition, {@code measure|grain}). The API
 * filters by dates and member in memory, so the store serves every read with a single-partition read and no
 * request value ever reaches a query string.
 */
@FunctionalInterface
public interface MeasureValuesSource {
    /** Every row of the measure and grain, in any order; empty when none were computed yet. */
    List<MeasureRow> read(String measureId, Grain grain);

    /**
     * A number that changes whenever the rows of the measure and grain change, read before the rows; empty when
     * the source cannot tell, and then nothing derived from the rows is kept between requests.
     */
    default OptionalLong version(String measureId, Grain grain) {
        return OptionalLong.empty();
    }
}
