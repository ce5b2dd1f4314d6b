package io.github.securepulumi.core.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.Context;
import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import io.github.securepulumi.core.optout.Justification;
import io.github.securepulumi.core.optout.OptOutReporter;
import io.github.securepulumi.core.optout.SecurityOptOut;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class JsonRendererTest {

    private static final String TRAIL_KEY = "aws:cloudtrail/trail:Trail::trail";
    private static final String LOGS_KEY = "aws:cloudwatch/logGroup:LogGroup::logs";
    private static final String ROLE_KEY = "aws:iam/role:Role::role";
    private static final String GROUP_KEY = "test:index:Group::group";

    @Test
    void jsonHasTopLevelKeysInFixedOrder() {
        ResourceGraph graph = preview(ctx -> new LogGroup("logs", LogGroupArgs.builder().build()));

        JsonObject json = parse(JsonRenderer.render(graph));

        assertThat(json.keySet()).containsExactly(
                "project", "stack", "counts", "resources", "waves", "optOuts", "stackOutputs");
        assertThat(json.get("project").getAsString()).isEqualTo("audit");
        assertThat(json.get("stack").getAsString()).isEqualTo("dev");
    }

    @Test
    void jsonDescribesEachResource() {
        ResourceGraph graph = preview(JsonRendererTest::trailInGroup);

        JsonObject json = parse(JsonRenderer.render(graph));

        JsonObject trail = resource(json, TRAIL_KEY);
        assertThat(trail.keySet()).containsExactly("key", "type", "name", "parent", "component", "dependsOn",
                "impliedDependsOn", "inputs", "outputs", "retainOnDelete", "protect");
        assertThat(trail.get("type").getAsString()).isEqualTo("aws:cloudtrail/trail:Trail");
        assertThat(trail.get("name").getAsString()).isEqualTo("trail");
        assertThat(trail.get("parent").getAsString()).isEqualTo(GROUP_KEY);
        assertThat(trail.get("component").getAsBoolean()).isFalse();
        assertThat(strings(trail.getAsJsonArray("dependsOn"))).containsExactly(ROLE_KEY);
        assertThat(strings(trail.getAsJsonArray("impliedDependsOn"))).containsExactly(LOGS_KEY);
        assertThat(trail.getAsJsonObject("inputs").get("cloudWatchLogsGroupArn").getAsString())
                .isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/audit");
        assertThat(trail.getAsJsonObject("outputs").get("arn").getAsString())
                .isEqualTo("arn:aws:cloudtrail:us-east-1:123456789012:trail/trail-" + trailSuffix(graph));
        assertThat(trail.get("retainOnDelete").getAsBoolean()).isTrue();
        assertThat(trail.get("protect").getAsBoolean()).isFalse();
    }

    @Test
    void jsonMarksComponentsAndRoots() {
        ResourceGraph graph = preview(JsonRendererTest::trailInGroup);

        JsonObject json = parse(JsonRenderer.render(graph));

        JsonObject group = resource(json, GROUP_KEY);
        assertThat(group.get("component").getAsBoolean()).isTrue();
        assertThat(group.get("parent").isJsonNull()).isTrue();
    }

    @Test
    void jsonListsWavesAsKeys() {
        ResourceGraph graph = preview(JsonRendererTest::trailInGroup);

        JsonObject json = parse(JsonRenderer.render(graph));

        JsonArray waves = json.getAsJsonArray("waves");
        assertThat(waves).hasSize(2);
        assertThat(strings(waves.get(0).getAsJsonArray())).containsExactly(LOGS_KEY, ROLE_KEY);
        assertThat(strings(waves.get(1).getAsJsonArray())).containsExactly(TRAIL_KEY);
    }

    @Test
    void jsonCopiesGraphCounts() {
        ResourceGraph graph = preview(JsonRendererTest::trailInGroup);

        JsonObject counts = parse(JsonRenderer.render(graph)).getAsJsonObject("counts");

        assertThat(counts.keySet()).containsExactlyElementsOf(graph.counts().keySet());
        assertThat(counts.get("resources").getAsInt()).isEqualTo(3);
        assertThat(counts.get("components").getAsInt()).isEqualTo(1);
        assertThat(counts.get("waves").getAsInt()).isEqualTo(2);
        assertThat(counts.get("explicitDependencies").getAsInt()).isEqualTo(1);
        assertThat(counts.get("impliedDependencies").getAsInt()).isEqualTo(1);
        assertThat(counts.get("optOuts").getAsInt()).isZero();
    }

    @Test
    void jsonMasksSecretInputsAndTheirOutputs() {
        ResourceGraph graph = preview(ctx -> new Parameter("token", ParameterArgs.builder()
                .type("SecureString")
                .value(Output.ofSecret("s3cr3t"))
                .build()));

        String rendered = JsonRenderer.render(graph);

        JsonObject parameter = resource(parse(rendered), "aws:ssm/parameter:Parameter::token");
        assertThat(rendered).describedAs("a secret input must never appear in the JSON").doesNotContain("s3cr3t");
        assertThat(parameter.getAsJsonObject("inputs").get("value").getAsString()).isEqualTo("[secret]");
        assertThat(parameter.getAsJsonObject("outputs").get("value").getAsString()).isEqualTo("[secret]");
        assertThat(parameter.getAsJsonObject("inputs").get("type").getAsString()).isEqualTo("SecureString");
    }

    @Test
    void jsonMasksInputWithNestedSecret() {
        ResourceGraph graph = preview(ctx -> new Function("handler", FunctionArgs.builder()
                .role("arn:aws:iam::123456789012:role/handler")
                .runtime("java17")
                .environment(FunctionEnvironmentArgs.builder()
                        .variables(Output.ofSecret(Map.of("API_TOKEN", "s3cr3t")))
                        .build())
                .build()));

        String rendered = JsonRenderer.render(graph);

        JsonObject function = resource(parse(rendered), "aws:lambda/function:Function::handler");
        assertThat(rendered).describedAs("a secret nested in an input must never appear in the JSON")
                .doesNotContain("s3cr3t");
        assertThat(function.getAsJsonObject("inputs").get("environment").getAsString()).isEqualTo("[secret]");
        assertThat(function.getAsJsonObject("inputs").get("runtime").getAsString()).isEqualTo("java17");
    }

    @Test
    void jsonMasksSecretStackOutputs() {
        ResourceGraph graph = preview(ctx -> {
            ctx.export("password", Output.ofSecret("s3cr3t"));
            ctx.export("region", Output.of("us-east-1"));
        });

        String rendered = JsonRenderer.render(graph);

        JsonObject stackOutputs = parse(rendered).getAsJsonObject("stackOutputs");
        assertThat(rendered).describedAs("a secret stack output must never appear in the JSON").doesNotContain("s3cr3t");
        assertThat(stackOutputs.get("password").getAsString()).isEqualTo("[secret]");
        assertThat(stackOutputs.get("region").getAsString()).isEqualTo("us-east-1");
    }

    @Test
    void jsonListsSecurityOptOuts() {
        ResourceGraph graph = preview(ctx -> {
            var group = new ComponentResource("test:index:Group", "group");
            OptOutReporter.report(group, new SecurityOptOut("SP-TEST-RETAIN", "Group \"group\"", "retainLogs",
                    "Logs are deleted with the stack.", Justification.of("ephemeral CI stack, destroyed after each run")));
        });

        JsonArray optOuts = parse(JsonRenderer.render(graph)).getAsJsonArray("optOuts");

        assertThat(optOuts).hasSize(1);
        JsonObject optOut = optOuts.get(0).getAsJsonObject();
        assertThat(optOut.get("ruleId").getAsString()).isEqualTo("SP-TEST-RETAIN");
        assertThat(optOut.get("component").getAsString()).isEqualTo("Group \"group\"");
        assertThat(optOut.get("input").getAsString()).isEqualTo("retainLogs");
        assertThat(optOut.get("consequence").getAsString()).isEqualTo("Logs are deleted with the stack.");
        assertThat(optOut.get("justification").getAsString()).isEqualTo("ephemeral CI stack, destroyed after each run");
    }

    @Test
    void jsonWritesWholeNumbersWithoutFraction() {
        ResourceGraph graph = preview(ctx -> new LogGroup("logs", LogGroupArgs.builder().retentionInDays(365).build()));

        String rendered = JsonRenderer.render(graph);

        assertThat(rendered).contains("\"retentionInDays\": 365\n");
        assertThat(rendered).doesNotContain("365.0");
    }

    @Test
    void jsonIsSameForSameProgram() {
        String first = JsonRenderer.render(preview(JsonRendererTest::trailInGroup));

        String second = JsonRenderer.render(preview(JsonRendererTest::trailInGroup));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void jsonSortsInputNames() {
        ResourceGraph graph = preview(JsonRendererTest::trailInGroup);

        JsonObject inputs = resource(parse(JsonRenderer.render(graph)), TRAIL_KEY).getAsJsonObject("inputs");

        assertThat(List.copyOf(inputs.keySet())).isSorted();
    }

    private static void trailInGroup(Context ctx) {
        var group = new ComponentResource("test:index:Group", "group");
        var logs = new LogGroup("logs", LogGroupArgs.builder().name("/audit").build(),
                CustomResourceOptions.builder().parent(group).build());
        var role = new Role("role", RoleArgs.builder().assumeRolePolicy("{}").build(),
                CustomResourceOptions.builder().parent(group).build());
        new Trail("trail", TrailArgs.builder()
                .s3BucketName("bucket")
                .cloudWatchLogsGroupArn(logs.arn())
                .isMultiRegionTrail(true)
                .build(),
                CustomResourceOptions.builder().parent(group).dependsOn(role).retainOnDelete(true).build());
    }

    private static String trailSuffix(ResourceGraph graph) {
        String name = (String) graph.get("aws:cloudtrail/trail:Trail", "trail").output("name").orElseThrow();
        return name.substring("trail-".length());
    }

    private static ResourceGraph preview(Consumer<Context> program) {
        return OfflinePreview.builder().projectName("audit").build().run(program).graphOrThrow();
    }

    private static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static JsonObject resource(JsonObject json, String key) {
        for (var element : json.getAsJsonArray("resources")) {
            JsonObject resource = element.getAsJsonObject();
            if (resource.get("key").getAsString().equals(key)) {
                return resource;
            }
        }
        throw new AssertionError("no resource " + key + " in " + json);
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(element -> element.getAsString()).toList();
    }
}
