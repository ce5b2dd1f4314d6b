package io.github.securepulumi.security.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import io.github.securepulumi.core.InvalidArgsException;
import io.github.securepulumi.core.aws.AwsArns;
import io.github.securepulumi.core.preview.OfflinePreview;
import io.github.securepulumi.core.preview.PreviewResult;
import io.github.securepulumi.core.preview.ResourceGraph;
import io.github.securepulumi.security.iam.catalog.AccessLevel;
import org.junit.jupiter.api.Test;

/** Policies whose ARNs are Pulumi outputs, run through the offline preview so that outputs resolve. */
class OutputPolicyTest {

    private static final String STREAMS = "arn:aws:logs:us-east-1:123456789012:log-group:/audit:log-stream:*";
    private static final String EXPECTED = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"WriteTrailLogs\","
            + "\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\""
            + STREAMS + "\"}]}";

    @Test
    void buildsDocumentInsideApplyFromUnresolvedArn() {
        ResourceGraph graph = OfflinePreview.builder().build().run(ctx -> {
            var logs = new LogGroup("logs", LogGroupArgs.builder().name("/audit").build());
            Output<String> document = LeastPrivilegePolicyBuilder.identityPolicy()
                    .allow("WriteTrailLogs", s -> s
                            .actions("logs:CreateLogStream", "logs:PutLogEvents")
                            .resources(logs.arn().applyValue(AwsArns::logStreamsOf)))
                    .build();
            new RolePolicy("trail-logs", RolePolicyArgs.builder().role("trail-role").policy(document).build());
            ctx.export("document", document);
        }).graphOrThrow();

        String exported = (String) graph.stackOutputs().get("document");
        String policyInput = graph.get("aws:iam/rolePolicy:RolePolicy", "trail-logs").inputString("policy");
        assertThat(exported).describedAs("the document must be rendered from resolved values")
                .doesNotContain("Calling [toString]")
                .isEqualTo(EXPECTED);
        assertThat(policyInput).isEqualTo(EXPECTED);
    }

    @Test
    void failsOutputWhenResolvedArnDoesNotFit() {
        PreviewResult result = OfflinePreview.builder().build().run(ctx -> {
            var logs = new LogGroup("logs", LogGroupArgs.builder().name("/audit").build());
            Output<String> document = LeastPrivilegePolicyBuilder.identityPolicy()
                    .allow("WriteTrailLogs", s -> s.actions("logs:PutLogEvents").resources(logs.arn()))
                    .build();
            // NOTE: the failing document goes into a resource, not ctx.export: OfflinePreview (core)
            // throws a NullPointerException when a stack output fails to resolve.
            new RolePolicy("trail-logs", RolePolicyArgs.builder().role("trail-role").policy(document).build());
        });

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failure()).get().isInstanceOf(InvalidArgsException.class);
        assertThat(result.failure().get().getMessage()).contains(
                "statement \"WriteTrailLogs\": The action \"logs:PutLogEvents\" applies to none of the resources of the "
                        + "statement (arn:aws:logs:us-east-1:123456789012:log-group:/audit), so it is never allowed. Add an ARN "
                        + "of the form arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}.");
    }

    @Test
    void rejectsPlainProblemsAtBuildEvenWithOutputs() {
        LeastPrivilegePolicyBuilder builder = LeastPrivilegePolicyBuilder.identityPolicy()
                .allow("WriteTrailLogs", s -> s.actions("logs:PutLogEvent").resources(Output.of(STREAMS)));

        assertThatThrownBy(builder::build).isInstanceOf(InvalidArgsException.class)
                .hasMessage("LeastPrivilegePolicyBuilder \"identity policy\": statement \"WriteTrailLogs\": The action "
                        + "\"logs:PutLogEvent\" does not exist in service logs. Did you mean \"logs:PutLogEvents\"?");
    }

    @Test
    void resolvesPrincipalsConditionsAndHelpersFromOutputs() {
        ResourceGraph graph = OfflinePreview.builder().build().run(ctx -> {
            var logs = new LogGroup("logs", LogGroupArgs.builder().name("/audit").build());
            Output<String> region = Output.of("us-east-1");
            Output<String> document = LeastPrivilegePolicyBuilder.keyPolicy()
                    .allow("CloudWatchLogsUseKey", s -> s
                            .servicePrincipal(region.applyValue(r -> "logs." + r + ".amazonaws.com"))
                            .actions("kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey")
                            .resources("arn:aws:kms:us-east-1:123456789012:key/abcd")
                            .condition("ArnEquals", "kms:EncryptionContext:aws:logs:arn", logs.arn()))
                    .build();
            Output<String> streams = LeastPrivilegePolicyBuilder.identityPolicy()
                    .allow("WriteLogs", s -> s.accessLevel(AccessLevel.WRITE, "logs", "log-stream",
                            logs.arn().applyValue(AwsArns::logStreamsOf)))
                    .build();
            ctx.export("key", document);
            ctx.export("streams", streams);
        }).graphOrThrow();

        assertThat((String) graph.stackOutputs().get("key"))
                .contains("\"Principal\":{\"Service\":\"logs.us-east-1.amazonaws.com\"}")
                .contains("\"ArnEquals\":{\"kms:EncryptionContext:aws:logs:arn\":"
                        + "\"arn:aws:logs:us-east-1:123456789012:log-group:/audit\"}");
        assertThat((String) graph.stackOutputs().get("streams"))
                .contains("\"logs:PutLogEvents\"").contains("\"Resource\":\"" + STREAMS + "\"");
    }
}
