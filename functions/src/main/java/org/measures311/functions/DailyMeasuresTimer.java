package org.measures311.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import org.measures311.measures.RecomputeSummary;

/**
 * Every day at 10:30 UTC (after midnight in every US time zone, so the program's previous local day is
 * complete): compact new drops and recompute the periods they touch. Timer schedules are UTC on Flex
 * Consumption; local dates come from the program calendar, never from the host clock's zone.
 */
public class DailyMeasuresTimer {

    @FunctionName("computeDailyMeasures")
    public void run(
            @TimerTrigger(name = "timer", schedule = "0 30 10 * * *") String timerInfo,
            ExecutionContext context) throws Exception {
        RecomputeSummary summary = FunctionApp.get().recompute().recomputePending();
        context.getLogger().info("Daily measures: " + summary.describe());
    }
}
