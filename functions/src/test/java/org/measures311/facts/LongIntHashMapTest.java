package org.measures311.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIntHashMapTest {
    @Test
    void getOrPutMapsAnAbsentKeyAndReturnsThePresentValueOtherwise() {
        LongIntHashMap map = new LongIntHashMap(4);
        assertThat(map.getOrPut(42, 7)).isEqualTo(LongIntHashMap.MISSING);
        assertThat(map.getOrPut(42, 9)).isEqualTo(7);
        assertThat(map.get(42)).isEqualTo(7);
        assertThat(map.getOrPut(Long.MIN_VALUE, 3)).isEqualTo(LongIntHashMap.MISSING);
        assertThat(map.getOrPut(Long.MIN_VALUE, 4)).isEqualTo(3);
        assertThat(map.get(Long.MIN_VALUE)).isEqualTo(3);
        assertThat(map.get(43)).isEqualTo(LongIntHashMap.MISSING);
        assertThat(map.size()).isEqualTo(2);
    }

    @Test
    void keysThatShareTheirLowBitsOrFollowEachOtherAreAllFoundAfterGrowing() {
        // Runs of consecutive ids, ids 64 apart (same low bits, one per run), ids 2^32 apart, negative and random.
        Map<Long, Integer> expected = new HashMap<>();
        Random random = new Random(7);
        LongIntHashMap map = new LongIntHashMap(16);
        int value = 0;
        long[] starts = {0, 10_000_000_000L, -5_000};
        for (long start : starts) {
            for (long k = start; k < start + 3_000; k++) {
                expected.put(k, value);
                map.put(k, value++);
            }
        }
        for (long k = 0; k < 3_000; k++) {
            expected.put(k * 64 + 1_000_000_000L, value);
            map.put(k * 64 + 1_000_000_000L, value++);
            expected.put(k << 32, value);
            map.put(k << 32, value++);
            long r = random.nextLong();
            expected.put(r, value);
            map.put(r, value++);
        }
        assertThat(map.size()).isEqualTo(expected.size());
        expected.forEach((k, v) -> assertThat(map.get(k)).as("key %d", k).isEqualTo(v));
        assertThat(map.get(3_001)).isEqualTo(LongIntHashMap.MISSING);
        assertThat(map.get(1_000_000_001L)).isEqualTo(LongIntHashMap.MISSING);
    }
}
