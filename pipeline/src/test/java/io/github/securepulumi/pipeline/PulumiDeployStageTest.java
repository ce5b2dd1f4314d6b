package io.github.securepulumi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.securepulumi.core.preview.ResourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PulumiDeployStageTest {

    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(AKIA|ASIA)[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36}|pul-[0-9a-f]{40}|-----BEGIN [A-Z ]*PRIVATE KEY-----");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|CREDENTIAL).*");

    private static PipelineStack stack;
    private static String buildspec;

    @BeforeAll
    static void preview() {
        stack = PipelineStack.typical();
        Map<?, ?> source = (Map<?, ?>) stack.project("Deploy-prod").input("source").orElseThrow();
        buildspec = (String) source.get("buildspec");
    }

    @Test
    void buildspecPinsCliVersion() {
        assertThat(buildspec).contains("curl --fail --silent --show-error --location --output pulumi-v3.118.0-linux-x64.tar.gz "
                + "https://get.pulumi.com/releases/sdk/pulumi-v3.118.0-linux-x64.tar.gz");
        assertThat(buildspec).doesNotContain("get.pulumi.com | sh", "latest", "install.sh");
    }

    @Test
    void buildspecVerifiesChecksumBeforeUnpacking() {
        String check = "echo \"" + PipelineStack.TEST_SHA256 + "  pulumi-v3.118.0-linux-x64.tar.gz\" | sha256sum -c -";

        assertThat(buildspec).contains(check);
        assertThat(buildspec.indexOf(check)).describedAs("the archive is checked before tar runs")
                .isLessThan(buildspec.indexOf("tar -xzf"));
    }

    @Test
    void buildspecPreviewsThenUpdatesTheStack() {
        int preview = buildspec.indexOf("- pulumi preview --stack prod --non-interactive");
        int up = buildspec.indexOf("- pulumi up --stack prod --yes --non-interactive");

        assertThat(preview).isPositive();
        assertThat(up).isGreaterThan(preview);
        assertThat(buildspec.indexOf("- cd infra")).isBetween(0, preview);
    }

    @Test
    void buildspecIsExact() {
        assertThat(buildspec).isEqualTo("""
                version: 0.2
                phases:
                  install:
                    commands:
                      - curl --fail --silent --show-error --location --output pulumi-v3.118.0-linux-x64.tar.gz \
                https://get.pulumi.com/releases/sdk/pulumi-v3.118.0-linux-x64.tar.gz
                      - echo "%s  pulumi-v3.118.0-linux-x64.tar.gz" | sha256sum -c -
                      - tar -xzf pulumi-v3.118.0-linux-x64.tar.gz -C "$HOME"
                      - export PATH="$HOME/pulumi:$PATH"
                      - pulumi version
                  build:
                    commands:
                      - cd infra
                      - pulumi preview --stack prod --non-interactive
                      - pulumi up --stack prod --yes --non-interactive
                """.formatted(PipelineStack.TEST_SHA256));
    }

    @Test
    void buildspecRunsInArtifactRootByDefault() {
        PipelineStack root = PipelineStack.of(SecurePipelineArgs.builder()
                .source(PipelineSource.gitHub("my-org/my-app", "main"))
                .addStages(PulumiDeployStage.builder().stackName("prod").pulumiCliVersion("3.118.0")
                        .pulumiCliSha256(PipelineStack.TEST_SHA256).accessTokenSecretArn(PipelineStack.TOKEN_SECRET_ARN).build())
                .build());

        Map<?, ?> source = (Map<?, ?>) root.project("Deploy-prod").input("source").orElseThrow();
        assertThat((String) source.get("buildspec")).doesNotContain("- cd ").contains("- pulumi preview --stack prod");
        assertThat(root.graph.ofType(PipelineStack.TOPIC)).describedAs("no approval by default").isEmpty();
    }

    @Test
    void accessTokenComesFromSecretsManager() {
        assertThat(variables(stack.project("Deploy-prod"))).containsExactly(
                Map.of("name", "PULUMI_ACCESS_TOKEN", "type", "SECRETS_MANAGER", "value", PipelineStack.TOKEN_SECRET_ARN));
        assertThat(buildspec).doesNotContain("PULUMI_ACCESS_TOKEN");
    }

    @Test
    void credentialsComeOnlyFromStageRole() {
        assertThat(buildspec).doesNotContain("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE");
        assertThat(variables(stack.project("Deploy-prod"))).noneMatch(v -> String.valueOf(v.get("name")).startsWith("AWS_"));
        assertThat(stack.project("Deploy-prod").inputString("serviceRole")).isEqualTo(stack.output(stack.stageRole("Deploy-prod"), "arn"));
    }

    @Test
    void approvalRunsBeforeDeployment() {
        List<?> stages = (List<?>) stack.pipeline().input("stages").orElseThrow();
        Map<?, ?> deploy = (Map<?, ?>) stages.get(2);
        List<?> actions = (List<?>) deploy.get("actions");
        Map<?, ?> approve = (Map<?, ?>) actions.get(0);
        Map<?, ?> run = (Map<?, ?>) actions.get(1);

        assertThat(approve.get("category")).isEqualTo("Approval");
        assertThat(approve.get("provider")).isEqualTo("Manual");
        assertThat(((Number) approve.get("runOrder")).intValue()).isEqualTo(1);
        assertThat(approve.get("configuration")).isEqualTo(Map.of(
                "NotificationArn", stack.output(stack.topic(), "arn"),
                "CustomData", "Approve deploying stack prod with pipeline stage Deploy-prod."));
        assertThat(run.get("provider")).isEqualTo("CodeBuild");
        assertThat(((Number) run.get("runOrder")).intValue()).isEqualTo(2);
        assertThat(run.get("inputArtifacts")).isEqualTo(List.of("BuildOutput"));
        assertThat(run.get("outputArtifacts")).isNull();
    }

    @Test
    void approvalTopicIsEncryptedWithPipelineKey() {
        assertThat(stack.topic().inputString("kmsMasterKeyId")).describedAs("SNS encryption at rest").isEqualTo(stack.keyArn());
    }

    @Test
    void noSecretInAnyPlaintextField() {
        List<String> plaintext = new ArrayList<>();
        for (ResourceNode node : stack.graph.customResources()) {
            node.inputs().forEach((property, value) -> plaintext.add(node.key() + "." + property + "=" + value));
        }

        assertThat(plaintext).hasSizeGreaterThan(50);
        assertThat(plaintext).noneMatch(field -> SECRET_VALUE.matcher(field).find());
        for (ResourceNode project : stack.graph.ofType(PipelineStack.PROJECT)) {
            for (Map<?, ?> variable : variables(project)) {
                if (variable.get("type").equals("PLAINTEXT")) {
                    assertThat((String) variable.get("name")).describedAs(project.key()).doesNotMatch(SECRET_NAME);
                } else {
                    assertThat((String) variable.get("value")).describedAs("secret stores are referenced by name or ARN")
                            .matches("arn:aws:secretsmanager:.*|/.*");
                }
            }
        }
    }

    private static List<Map<?, ?>> variables(ResourceNode project) {
        Map<?, ?> environment = (Map<?, ?>) project.input("environment").orElseThrow();
        List<Map<?, ?>> variables = new ArrayList<>();
        Object list = environment.get("environmentVariables");
        if (list instanceof List<?> entries) {
            entries.forEach(entry -> variables.add((Map<?, ?>) entry));
        }
        return variables;
    }
}
