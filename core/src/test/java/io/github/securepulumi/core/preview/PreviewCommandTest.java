package io.github.securepulumi.core.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.Context;
import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandTest {

    private static final String AUDIT_PROGRAM = AuditProgram.class.getName();

    /** A log group and a role, and a trail that waits for both. */
    public static class AuditProgram implements Consumer<Context> {
        @Override
        public void accept(Context ctx) {
            TestPrograms.logsRoleTrail(ctx);
        }
    }

    /** A program with a secret input, a secret nested in an input and a secret stack output. */
    public static class SecretProgram implements Consumer<Context> {
        @Override
        public void accept(Context ctx) {
            new Parameter("token", ParameterArgs.builder().type("SecureString").value(Output.ofSecret("s3cr3t")).build());
            new Function("handler", FunctionArgs.builder()
                    .role("arn:aws:iam::123456789012:role/handler")
                    .runtime("java17")
                    .environment(FunctionEnvironmentArgs.builder()
                            .variables(Output.ofSecret(Map.of("API_TOKEN", "nested-s3cr3t")))
                            .build())
                    .build());
            ctx.export("password", Output.ofSecret("exported-s3cr3t"));
        }
    }

    /** A program that fails the way a component rejects invalid args. */
    public static class FailingProgram implements Consumer<Context> {
        @Override
        public void accept(Context ctx) {
            throw new IllegalArgumentException("bucketName is missing; pass the name of the log bucket.");
        }
    }

    /** A program that logs an error to the Pulumi engine and carries on. */
    public static class ErrorLoggingProgram implements Consumer<Context> {
        @Override
        public void accept(Context ctx) {
            ctx.log().error("retention of 400 days is not supported");
        }
    }

    /** A program whose constructor fails. */
    public static class FailingConstructorProgram implements Consumer<Context> {
        public FailingConstructorProgram() {
            throw new IllegalStateException("configuration file not found");
        }

        @Override
        public void accept(Context ctx) {
        }
    }

    /** A program that needs a constructor argument, so the command cannot create it. */
    public static class ProgramWithArgument implements Consumer<Context> {
        public ProgramWithArgument(String name) {
        }

        @Override
        public void accept(Context ctx) {
        }
    }

    /** A program class that is not public, so the command cannot create it. */
    static class PackagePrivateProgram implements Consumer<Context> {
        @Override
        public void accept(Context ctx) {
        }
    }

    /** A class that is not a program. */
    public static class NotAProgram {
    }

    @TempDir
    Path tempDir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @Test
    void commandPrintsTreeWavesAndSummary() {
        int status = run("--program", AUDIT_PROGRAM);

        assertThat(status).isZero();
        assertThat(out()).isEqualTo("""
                     Type                                 Name
                 +   pulumi:pulumi:Stack                  audit-program-dev
                 +   ├─ aws:cloudwatch/logGroup:LogGroup  logs
                 +   ├─ aws:iam/role:Role                 role
                 +   └─ aws:cloudtrail/trail:Trail        trail

                Wave 1 (2 in parallel)
                    aws:cloudwatch/logGroup:LogGroup  logs
                    aws:iam/role:Role                 role
                Wave 2 (1 resource)
                    aws:cloudtrail/trail:Trail        trail
                        waits for: role (dependsOn), logs (input)

                Preview of audit-program-dev: 3 resources in 0 components, 2 waves, \
                1 explicit and 1 implied dependency, 0 security opt-outs.
                """);
        assertThat(err()).isEmpty();
    }

    @Test
    void commandUsesGivenProjectAndStack() {
        int status = run("--program", AUDIT_PROGRAM, "--project", "audit-baseline", "--stack=prod");

        assertThat(status).isZero();
        assertThat(out()).contains(" +   pulumi:pulumi:Stack                  audit-baseline-prod\n");
        assertThat(out()).contains("Preview of audit-baseline-prod: ");
    }

    @Test
    void commandWritesJsonAndMermaidFiles() throws IOException {
        Path json = tempDir.resolve("reports/json/preview.json");
        Path mermaid = tempDir.resolve("reports/preview.mmd");

        int status = run("--program", AUDIT_PROGRAM, "--json", json.toString(), "--mermaid", mermaid.toString());

        assertThat(status).isZero();
        JsonObject parsed = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertThat(parsed.get("project").getAsString()).isEqualTo("audit-program");
        assertThat(parsed.getAsJsonArray("resources")).hasSize(3);
        assertThat(Files.readString(mermaid)).startsWith("flowchart TD\n").contains(" -.-> ", " --> ");
    }

    @Test
    void commandSimulatesGivenAccountAndRegion() throws IOException {
        Path json = tempDir.resolve("preview.json");

        int status = run("--program", AUDIT_PROGRAM, "--account", "210987654321", "--region", "eu-west-1",
                "--json", json.toString());

        assertThat(status).isZero();
        assertThat(Files.readString(json)).contains("arn:aws:logs:eu-west-1:210987654321:log-group:/audit");
    }

    @Test
    void commandDerivesRegionFromPartition() throws IOException {
        Path json = tempDir.resolve("preview.json");

        int status = run("--program", AUDIT_PROGRAM, "--partition", "aws-cn", "--json", json.toString());

        assertThat(status).isZero();
        assertThat(Files.readString(json)).contains("arn:aws-cn:logs:cn-north-1:123456789012:log-group:/audit");
    }

    @Test
    void commandDerivesPartitionFromRegion() throws IOException {
        Path json = tempDir.resolve("preview.json");

        int status = run("--program", AUDIT_PROGRAM, "--region", "us-gov-west-1", "--json", json.toString());

        assertThat(status).isZero();
        assertThat(Files.readString(json)).contains("arn:aws-us-gov:logs:us-gov-west-1:123456789012:log-group:/audit");
    }

    @Test
    void commandNeverPrintsSecrets() throws IOException {
        Path json = tempDir.resolve("preview.json");
        Path mermaid = tempDir.resolve("preview.mmd");

        int status = run("--program", SecretProgram.class.getName(), "--json", json.toString(),
                "--mermaid", mermaid.toString());

        assertThat(status).isZero();
        assertThat(out()).describedAs("tree, waves and summary must not show a secret").doesNotContain("s3cr3t");
        assertThat(err()).describedAs("errors must not show a secret").doesNotContain("s3cr3t");
        assertThat(Files.readString(json)).describedAs("the JSON must mask secrets").doesNotContain("s3cr3t");
        assertThat(Files.readString(mermaid)).describedAs("the diagram must not show a secret").doesNotContain("s3cr3t");
    }

    @Test
    void commandReturnsOneWhenProgramFails() {
        int status = run("--program", FailingProgram.class.getName());

        assertThat(status).isEqualTo(PreviewCommand.EXIT_FAILED);
        assertThat(err()).isEqualTo("error: bucketName is missing; pass the name of the log bucket.\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void commandReturnsOneWhenProgramLogsError() {
        int status = run("--program", ErrorLoggingProgram.class.getName());

        assertThat(status).isEqualTo(PreviewCommand.EXIT_FAILED);
        assertThat(err()).isEqualTo("error: retention of 400 days is not supported\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void commandReturnsOneWhenConstructorFails() {
        int status = run("--program", FailingConstructorProgram.class.getName());

        assertThat(status).isEqualTo(PreviewCommand.EXIT_FAILED);
        assertThat(err()).isEqualTo("error: the constructor of " + FailingConstructorProgram.class.getName()
                + " failed: configuration file not found\n");
    }

    @Test
    void commandReturnsOneWhenFileCannotBeWritten() throws IOException {
        Path blocker = Files.writeString(tempDir.resolve("blocker"), "a file, not a directory");

        int status = run("--program", AUDIT_PROGRAM, "--json", blocker.resolve("preview.json").toString());

        assertThat(status).isEqualTo(PreviewCommand.EXIT_FAILED);
        assertThat(err()).startsWith("error: writing an output file failed: ");
    }

    @Test
    void commandReturnsTwoWithoutProgram() {
        int status = run("--stack", "prod");

        assertThat(status).isEqualTo(PreviewCommand.EXIT_USAGE);
        assertThat(err()).startsWith(
                "error: --program is missing; pass the fully qualified name of the program class.\n\nUsage: ");
        assertThat(out()).isEmpty();
    }

    @Test
    void commandReportsEveryUsageProblemAtOnce() {
        int status = run("--program", AUDIT_PROGRAM, "--verbose", "extra", "--account", "42", "--stack");

        assertThat(status).isEqualTo(PreviewCommand.EXIT_USAGE);
        assertThat(err().lines().takeWhile(line -> !line.isEmpty())).containsExactly(
                "error: unknown option --verbose; see the options below.",
                "error: unexpected argument \"extra\"; each value must follow its option, for example --stack prod.",
                "error: --stack is missing its value.",
                "error: --account is \"42\", but an AWS account id has exactly 12 digits; pass one such as 123456789012.");
    }

    @Test
    void commandRejectsRegionOfOtherPartition() {
        int status = run("--program", AUDIT_PROGRAM, "--region", "cn-north-1", "--partition", "aws-us-gov");

        assertThat(status).isEqualTo(PreviewCommand.EXIT_USAGE);
        assertThat(err()).startsWith("error: --region is \"cn-north-1\", which belongs to partition aws-cn, not "
                + "aws-us-gov; pass a region of aws-us-gov such as us-gov-west-1, or leave out --partition.\n");
    }

    @Test
    void commandRejectsUnknownPartitionAndInvalidRegion() {
        int status = run("--program", AUDIT_PROGRAM, "--region", "Europe", "--partition", "aws-eu");

        assertThat(status).isEqualTo(PreviewCommand.EXIT_USAGE);
        assertThat(err().lines().takeWhile(line -> !line.isEmpty())).containsExactly(
                "error: --partition is \"aws-eu\", but it must be aws, aws-cn or aws-us-gov.",
                "error: --region is \"Europe\", which is not a region name; pass one such as us-east-1.");
    }

    @Test
    void commandRejectsRepeatedOption() {
        int status = run("--program", AUDIT_PROGRAM, "--stack", "dev", "--stack", "prod");

        assertThat(status).isEqualTo(PreviewCommand.EXIT_USAGE);
        assertThat(err()).startsWith("error: --stack is given twice (\"dev\" and \"prod\"); give it once.\n");
    }

    @Test
    void commandReturnsTwoForUnknownClass() {
        int status = run("--program", "com.example.Missing");

        assertThat(status).isEqualTo(PreviewCommand.EXIT_USAGE);
        assertThat(err()).startsWith("error: --program is \"com.example.Missing\", but no such class was found");
    }

    @Test
    void commandRejectsClassThatIsNotConsumer() {
        int status = run("--program", NotAProgram.class.getName());

        assertThat(status).isEqualTo(PreviewCommand.EXIT_USAGE);
        assertThat(err()).contains("does not implement java.util.function.Consumer<com.pulumi.Context>");
    }

    @Test
    void commandRejectsProgramWithoutNoArgConstructor() {
        int status = run("--program", ProgramWithArgument.class.getName());

        assertThat(status).isEqualTo(PreviewCommand.EXIT_USAGE);
        assertThat(err()).contains("that class has no public no-arg constructor; add one.");
    }

    @Test
    void commandRejectsClassThatIsNotPublic() {
        int status = run("--program", PackagePrivateProgram.class.getName());

        assertThat(status).isEqualTo(PreviewCommand.EXIT_USAGE);
        assertThat(err()).contains("that class is not public, is abstract or is a non-static nested class");
    }

    @Test
    void commandPrintsHelp() {
        int status = run("--help");

        assertThat(status).isZero();
        assertThat(out()).isEqualTo(PreviewCommand.USAGE);
        assertThat(err()).isEmpty();
    }

    @Test
    void kebabCaseSplitsWordsAndAcronyms() {
        assertThat(PreviewOptions.kebabCase("AuditBaseline")).isEqualTo("audit-baseline");
        assertThat(PreviewOptions.kebabCase("S3AccessLogs")).isEqualTo("s3-access-logs");
        assertThat(PreviewOptions.kebabCase("HTTPServer")).isEqualTo("http-server");
        assertThat(PreviewOptions.kebabCase("Stack")).isEqualTo("stack");
        assertThat(PreviewOptions.kebabCase("my_program")).isEqualTo("my-program");
    }

    private int run(String... args) {
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        return PreviewCommand.run(args, out, err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}
