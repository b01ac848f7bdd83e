package dev.backman.cli.output;

import dev.backman.application.ReplicaOutcome;
import dev.backman.application.ReplicationReport;
import java.util.List;

/**
 * {@code replicate --json}: {@code {"complete":…,"offsite":[…],"replicas":[{"backup_id","location","status",
 * "problem"}]}}.
 *
 * @param complete whether every replica worked on is verified
 * @param offsite  the configured offsite locations
 * @param replicas one entry per backup that was not verified yet at a location
 */
public record ReplicateJson(boolean complete, List<String> offsite, List<ReplicaOutcome> replicas) {

    public static ReplicateJson of(ReplicationReport report, List<String> offsite) {
        return new ReplicateJson(report.complete(), offsite, report.outcomes());
    }
}
