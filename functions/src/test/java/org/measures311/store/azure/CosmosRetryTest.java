package org.measures311.store.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.BridgeInternal;
import com.azure.cosmos.CosmosException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The transient-fault retry the Cosmos store puts around idempotent calls, exercised without a server. */
class CosmosRetryTest {

    private static Mono<String> failing(AtomicInteger calls, int failures, int status) {
        return Mono.defer(() -> calls.incrementAndGet() <= failures
                ? Mono.error(BridgeInternal.createCosmosException(status))
                : Mono.just("done"));
    }

    @Test
    void timeoutsUnavailabilityAndRetryWithAreRetriedUntilTheCallSucceeds() {
        for (int status : new int[] {408, 449, 503}) {
            AtomicInteger calls = new AtomicInteger();
            assertThat(failing(calls, 2, status).retryWhen(CosmosDocumentStore.TRANSIENT_RETRY).block()).isEqualTo("done");
            assertThat(calls).as("status %d", status).hasValue(3);
        }
    }

    @Test
    void conflictsAndPreconditionFailuresAreNotRetried() {
        for (int status : new int[] {400, 404, 409, 412}) {
            AtomicInteger calls = new AtomicInteger();
            assertThatThrownBy(() -> failing(calls, 1, status).retryWhen(CosmosDocumentStore.TRANSIENT_RETRY).block())
                    .isInstanceOf(CosmosException.class);
            assertThat(calls).as("status %d", status).hasValue(1);
        }
    }

    @Test
    void aFaultThatOutlastsTheRetriesSurfacesAsItself() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> failing(calls, 100, 503).retryWhen(CosmosDocumentStore.TRANSIENT_RETRY).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(503));
        assertThat(calls).hasValue(6); // the first call and five retries
    }

    @Test
    void throttlingIsLeftToTheSdkWithABoundedBudget() {
        assertThat(CosmosDocumentStore.THROTTLING.getMaxRetryAttemptsOnThrottledRequests()).isEqualTo(9);
        assertThat(CosmosDocumentStore.THROTTLING.getMaxRetryWaitTime()).hasSeconds(60);
        assertThat(CosmosDocumentStore.isTransient(BridgeInternal.createCosmosException(429))).isFalse();
    }
}
