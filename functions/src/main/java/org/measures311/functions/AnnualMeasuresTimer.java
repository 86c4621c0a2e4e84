package org.measures311.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import org.measures311.measures.PublicationSummary;

/**
 * On the 2nd of every month at 12:00 UTC: publish every calendar or fiscal year that has closed and is not yet
 * published, and revise published years whose figures changed since. Monthly rather than yearly so a missed run
 * (outage, deployment) is caught up a month later, and so the fiscal year (any start month) is covered.
 */
public class AnnualMeasuresTimer {

    @FunctionName("publishAnnualMeasures")
    public void run(
            @TimerTrigger(name = "timer", schedule = "0 0 12 2 * *") String timerInfo,
            ExecutionContext context) throws Exception {
        PublicationSummary summary = FunctionApp.get().publisher().publishClosedYears();
        context.getLogger().info("Annual measures: " + summary.describe());
    }
}
