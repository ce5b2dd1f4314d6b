package io.github.securepulumi.core.preview;

import com.pulumi.Context;
import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

/** Small Pulumi programs shared by the preview's tests. */
final class TestPrograms {

    private TestPrograms() {
    }

    /** Creates a log group, a role and a trail that reads the group's ARN and lists the role in dependsOn. */
    static void logsRoleTrail(Context ctx) {
        var logs = logGroup();
        var role = new Role("role", RoleArgs.builder().assumeRolePolicy("{}").build());
        trail(logs, role);
    }

    /** Creates a log group and a trail that both reads its ARN and lists it in dependsOn. */
    static void trailWaitingTwiceForLogs(Context ctx) {
        var logs = logGroup();
        trail(logs, logs);
    }

    /** Creates the log group {@code logs}, named {@code /audit}. */
    static LogGroup logGroup() {
        return new LogGroup("logs", LogGroupArgs.builder().name("/audit").build());
    }

    /** Creates the trail {@code trail}, which reads the log group's ARN and waits for {@code dependsOn}. */
    static Trail trail(LogGroup logs, Resource dependsOn) {
        return new Trail("trail", TrailArgs.builder()
                .s3BucketName("bucket")
                .cloudWatchLogsGroupArn(logs.arn())
                .build(),
                CustomResourceOptions.builder().dependsOn(dependsOn).build());
    }
}
