package io.github.securepulumi.core.aws;

import io.github.securepulumi.core.Validation;
import java.util.List;

/** Limits that CloudWatch Logs applies to log groups. */
public final class CloudWatchLogs {

    /** The retention periods CloudWatch Logs accepts for a log group, in days. */
    public static final List<Integer> RETENTION_DAYS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private CloudWatchLogs() {
    }

    /** Records a problem when a retention period is not one that CloudWatch Logs accepts. */
    public static void checkRetention(String property, int days, Validation validation) {
        if (!RETENTION_DAYS.contains(days)) {
            validation.reject(property, days, "CloudWatch Logs accepts only " + RETENTION_DAYS + "; choose one of those.");
        }
    }
}
