package io.github.securepulumi.core.preview;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import io.github.securepulumi.core.internal.AwsSimulator;
import io.github.securepulumi.core.internal.GraphRecorder;
import io.github.securepulumi.core.internal.PulumiInternals;
import io.github.securepulumi.core.optout.OptOutReporter;
import io.github.securepulumi.core.optout.SecurityOptOut;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Runs a Pulumi Java program in-process against a simulated AWS account and records its resource
 * graph, with no Pulumi CLI, no credentials and no network.
 *
 * <p>The program is the same {@code Consumer<Context>} that {@code Pulumi.run} takes. It runs on
 * Pulumi's own test runtime ({@code com.pulumi.test}), so components, {@code Output} chaining,
 * {@code dependsOn} and invokes such as {@code getCallerIdentity} behave as in a deployment, while
 * the simulated account returns ids and ARNs in the format the AWS provider does.
 *
 * <pre>{@code
 * ResourceGraph graph = OfflinePreview.builder().build()
 *         .run(ctx -> new SecureAuditTrail("org-trail", SecureAuditTrailArgs.builder().build(), null))
 *         .graphOrThrow();
 * }</pre>
 *
 * <p>Pulumi's test runtime is one global deployment per JVM, so runs are serialized.
 *
 * <p>Limitations: stack configuration ({@code ctx.config()}) is empty, and resources read with
 * {@code get} are not simulated.
 */
public final class OfflinePreview {

    private static final Object RUN_LOCK = new Object();

    private final SimulatedAccount account;
    private final String projectName;
    private final String stackName;

    private OfflinePreview(Builder builder) {
        this.account = builder.account;
        this.projectName = builder.projectName;
        this.stackName = builder.stackName;
    }

    /** Starts a preview configuration; every setting has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the simulated account the program runs against. */
    public SimulatedAccount account() {
        return account;
    }

    /**
     * Runs the program and records what it registered.
     *
     * <p>An exception thrown by the program does not escape: it is returned in
     * {@link PreviewResult#failure()}, together with whatever was registered before it.
     */
    public PreviewResult run(Consumer<Context> program) {
        Objects.requireNonNull(program, "program");
        synchronized (RUN_LOCK) {
            GraphRecorder recorder = new GraphRecorder();
            AwsSimulator simulator = new AwsSimulator(account, recorder::declaredSecretOutputsOf);
            List<SecurityOptOut> optOuts = new CopyOnWriteArrayList<>();
            TestOptions options = TestOptions.builder()
                    .projectName(projectName)
                    .stackName(stackName)
                    .preview(false)
                    .resourceTransformations(List.of(recorder))
                    .build();

            Optional<Throwable> failure = Optional.empty();
            List<String> errors = new ArrayList<>();
            Map<String, Object> stackOutputs = new LinkedHashMap<>();
            Set<String> secretStackOutputs = new HashSet<>();
            Runnable stopListening = OptOutReporter.listen(optOuts::add);
            try {
                TestResult result = PulumiTest.withMocks(simulator).withOptions(options).runTest(program);
                errors.addAll(result.errors());
                if (!result.exceptions().isEmpty()) {
                    failure = Optional.of(rootCause(result.exceptions().get(0)));
                }
                result.outputs().forEach((name, output) -> {
                    stackOutputs.put(name, resolve(output));
                    if (isSecret(output)) {
                        secretStackOutputs.add(name);
                    }
                });
            } catch (Exception e) {
                failure = Optional.of(rootCause(e));
            } finally {
                stopListening.run();
                PulumiTest.cleanup();
            }

            ResourceGraph graph = new ResourceGraph(projectName, stackName,
                    recorder.nodes(simulator.inputsByKey(), simulator.outputsByKey()), optOuts, stackOutputs,
                    secretStackOutputs);
            return new PreviewResult(graph, failure, errors);
        }
    }

    private static Object resolve(Output<?> output) {
        try {
            return PulumiInternals.valueOrNull(output).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    /**
     * Checks whether an output is secret. An output whose secret flag cannot be read counts as
     * secret, so that renderers mask its value.
     */
    private static boolean isSecret(Output<?> output) {
        try {
            return PulumiInternals.isSecret(output).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /** Unwraps the completion and run wrappers that Pulumi puts around a program's exception. */
    static Throwable rootCause(Throwable thrown) {
        Throwable current = thrown;
        while (current.getCause() != null && current.getCause() != current
                && (current instanceof CompletionException
                        || current instanceof ExecutionException
                        || current.getClass().getName().startsWith("com.pulumi.")
                        || current.getClass() == RuntimeException.class)) {
            current = current.getCause();
        }
        return current;
    }

    /** Settings of an {@link OfflinePreview}. */
    public static final class Builder {

        private SimulatedAccount account = SimulatedAccount.DEFAULT;
        private String projectName = "project";
        private String stackName = "dev";

        private Builder() {
        }

        /** Sets the simulated account; default {@link SimulatedAccount#DEFAULT}. */
        public Builder account(SimulatedAccount account) {
            this.account = Objects.requireNonNull(account, "account");
            return this;
        }

        /** Sets the Pulumi project name the program runs under; default {@code project}. */
        public Builder projectName(String projectName) {
            this.projectName = Objects.requireNonNull(projectName, "projectName");
            return this;
        }

        /** Sets the stack name the program runs under; default {@code dev}. */
        public Builder stackName(String stackName) {
            this.stackName = Objects.requireNonNull(stackName, "stackName");
            return this;
        }

        /** Returns the configured preview; it can run any number of programs, one at a time. */
        public OfflinePreview build() {
            return new OfflinePreview(this);
        }
    }
}
