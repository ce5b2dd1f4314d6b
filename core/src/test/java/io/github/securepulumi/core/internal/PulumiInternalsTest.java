package io.github.securepulumi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.github.securepulumi.core.preview.OfflinePreview;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Pins the internal Pulumi SDK behaviour that the offline preview relies on. If an SDK upgrade
 * changes it, these tests fail before the preview silently loses edges.
 */
class PulumiInternalsTest {

    @Test
    void inputPropertiesRevealResourcesBehindOutputs() {
        AtomicReference<Set<Resource>> behind = new AtomicReference<>();
        AtomicReference<LogGroup> logGroup = new AtomicReference<>();

        OfflinePreview.builder().build().run(ctx -> {
            logGroup.set(new LogGroup("logs", LogGroupArgs.builder().name("/audit").build()));
            TrailArgs args = TrailArgs.builder()
                    .s3BucketName("bucket")
                    .cloudWatchLogsGroupArn(logGroup.get().arn())
                    .build();
            behind.set(PulumiInternals.inputProperties(args)
                    .thenCompose(properties -> PulumiInternals.resourcesBehind(properties.get("cloudWatchLogsGroupArn")))
                    .join());
            new Trail("trail", args);
        }).graphOrThrow();

        assertThat(behind.get()).containsExactly(logGroup.get());
    }

    @Test
    void inputPropertiesUseProviderPropertyNames() throws Exception {
        AtomicReference<Map<String, Output<?>>> properties = new AtomicReference<>();

        OfflinePreview.builder().build().run(ctx -> properties.set(PulumiInternals
                .inputProperties(LogGroupArgs.builder().name("/a").retentionInDays(7).build()).join()))
                .graphOrThrow();

        assertThat(properties.get()).containsKeys("name", "retentionInDays");
    }

    @Test
    void secretPropertiesAreDetected() {
        AtomicReference<Set<String>> secrets = new AtomicReference<>();

        OfflinePreview.builder().build().run(ctx -> {
            ParameterArgs args = ParameterArgs.builder().name("/a").type("SecureString").value(Output.ofSecret("s")).build();
            secrets.set(PulumiInternals.inputProperties(args).thenCompose(PulumiInternals::secretProperties).join());
            new Parameter("p", args);
        }).graphOrThrow();

        assertThat(secrets.get()).contains("value").doesNotContain("name");
    }

    @Test
    void warnOutsideDeploymentIsIgnored() throws Exception {
        PulumiInternals.warn("no deployment is running", null);

        assertThat(PulumiInternals.valueOrNull(Output.of("v")).get(5, TimeUnit.SECONDS)).isEqualTo("v");
    }
}
