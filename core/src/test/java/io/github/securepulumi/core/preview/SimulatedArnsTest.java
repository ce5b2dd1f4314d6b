package io.github.securepulumi.core.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.codebuild.Project;
import com.pulumi.aws.codebuild.ProjectArgs;
import com.pulumi.aws.codebuild.inputs.ProjectArtifactsArgs;
import com.pulumi.aws.codebuild.inputs.ProjectEnvironmentArgs;
import com.pulumi.aws.codebuild.inputs.ProjectSourceArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import io.github.securepulumi.core.aws.Partition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatedArnsTest {

    private static ResourceGraph preview(Partition partition) {
        return OfflinePreview.builder().account(SimulatedAccount.in(partition)).build().run(ctx -> {
            new LogGroup("logs", LogGroupArgs.builder().name("/app/logs").build());
            new Role("role", RoleArgs.builder().name("deployer").path("/ci/").assumeRolePolicy("{}").build());
            new BucketV2("bucket", BucketV2Args.builder().bucket("my-data").build());
            new Key("key");
            new Trail("trail", TrailArgs.builder().name("audit").s3BucketName("my-data").build());
            new Topic("topic", TopicArgs.builder().name("alerts").build());
            new Parameter("param", ParameterArgs.builder().name("/app/token").type("SecureString").value("x").build());
            new Project("build", ProjectArgs.builder().name("app-build")
                    .serviceRole("arn:aws:iam::123456789012:role/x")
                    .artifacts(ProjectArtifactsArgs.builder().type("NO_ARTIFACTS").build())
                    .environment(ProjectEnvironmentArgs.builder().computeType("BUILD_GENERAL1_SMALL")
                            .image("aws/codebuild/standard:7.0").type("LINUX_CONTAINER").build())
                    .source(ProjectSourceArgs.builder().type("NO_SOURCE").buildspec("version: 0.2").build())
                    .build());
        }).graphOrThrow();
    }

    private static String arn(ResourceGraph graph, String type, String name) {
        return (String) graph.get(type, name).output("arn").orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"AWS, aws, us-east-1", "AWS_CN, aws-cn, cn-north-1", "AWS_US_GOV, aws-us-gov, us-gov-west-1"})
    void logGroupArnIsBareForm(Partition partition, String id, String region) {
        assertThat(arn(preview(partition), "aws:cloudwatch/logGroup:LogGroup", "logs"))
                .isEqualTo("arn:" + id + ":logs:" + region + ":123456789012:log-group:/app/logs");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"AWS, aws", "AWS_CN, aws-cn", "AWS_US_GOV, aws-us-gov"})
    void roleArnIsGlobalWithPath(Partition partition, String id) {
        assertThat(arn(preview(partition), "aws:iam/role:Role", "role"))
                .isEqualTo("arn:" + id + ":iam::123456789012:role/ci/deployer");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"AWS, aws", "AWS_CN, aws-cn", "AWS_US_GOV, aws-us-gov"})
    void bucketArnHasNoRegionOrAccount(Partition partition, String id) {
        assertThat(arn(preview(partition), "aws:s3/bucketV2:BucketV2", "bucket")).isEqualTo("arn:" + id + ":s3:::my-data");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"AWS, aws, us-east-1", "AWS_CN, aws-cn, cn-north-1", "AWS_US_GOV, aws-us-gov, us-gov-west-1"})
    void keyArnNamesKeyId(Partition partition, String id, String region) {
        ResourceGraph graph = preview(partition);
        ResourceNode key = graph.get("aws:kms/key:Key", "key");

        assertThat(arn(graph, "aws:kms/key:Key", "key"))
                .isEqualTo("arn:" + id + ":kms:" + region + ":123456789012:key/" + key.output("keyId").orElseThrow());
        assertThat((String) key.output("keyId").orElseThrow()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"AWS, aws, us-east-1", "AWS_CN, aws-cn, cn-north-1", "AWS_US_GOV, aws-us-gov, us-gov-west-1"})
    void regionalArnsUseRegionAndAccount(Partition partition, String id, String region) {
        ResourceGraph graph = preview(partition);
        String prefix = "arn:" + id + ":";
        String scope = ":" + region + ":123456789012:";

        assertThat(arn(graph, "aws:cloudtrail/trail:Trail", "trail")).isEqualTo(prefix + "cloudtrail" + scope + "trail/audit");
        assertThat(arn(graph, "aws:sns/topic:Topic", "topic")).isEqualTo(prefix + "sns" + scope + "alerts");
        assertThat(arn(graph, "aws:ssm/parameter:Parameter", "param")).isEqualTo(prefix + "ssm" + scope + "parameter/app/token");
        assertThat(arn(graph, "aws:codebuild/project:Project", "build")).isEqualTo(prefix + "codebuild" + scope + "project/app-build");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"AWS, amazonaws.com", "AWS_CN, amazonaws.com.cn", "AWS_US_GOV, amazonaws.com"})
    void bucketDomainUsesPartitionSuffix(Partition partition, String suffix) {
        ResourceNode bucket = preview(partition).get("aws:s3/bucketV2:BucketV2", "bucket");

        assertThat(bucket.output("bucketRegionalDomainName"))
                .contains("my-data.s3." + partition.defaultRegion() + "." + suffix);
    }
}
