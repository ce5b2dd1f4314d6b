package io.github.securepulumi.core.preview;

import com.pulumi.Context;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Command-line offline preview: runs a Pulumi Java program against a simulated AWS account and
 * prints its resource tree, its deployment waves and a summary, with no Pulumi CLI, credentials or
 * network.
 *
 * <pre>
 * java -cp CLASSPATH io.github.securepulumi.core.preview.PreviewCommand --program com.example.AuditBaseline \
 *     --stack prod --json build/preview.json --mermaid build/preview.mmd
 * </pre>
 *
 * <p>See {@link #USAGE} for every option. The exit status is {@value #EXIT_OK} on success,
 * {@value #EXIT_FAILED} when the program failed or an output file could not be written, and
 * {@value #EXIT_USAGE} on invalid usage.
 */
public final class PreviewCommand {

    /** Exit status of a successful preview. */
    public static final int EXIT_OK = 0;

    /** Exit status when the program failed or an output file could not be written. */
    public static final int EXIT_FAILED = 1;

    /** Exit status of invalid command-line usage, including a program class that cannot be used. */
    public static final int EXIT_USAGE = 2;

    /** The help text that {@code --help} prints and that follows every usage error. */
    public static final String USAGE = """
            Usage: PreviewCommand --program CLASS [options]

            Runs a Pulumi Java program against a simulated AWS account, with no Pulumi CLI,
            credentials or network, and prints its resource tree, deployment waves and a summary.

            Options:
              --program CLASS     fully qualified name of a class with a public no-arg constructor
                                  that implements java.util.function.Consumer<com.pulumi.Context>
                                  (required; write a nested class as Outer$Inner)
              --project NAME      Pulumi project name (default: the class's simple name in
                                  kebab-case, for example AuditBaseline gives audit-baseline)
              --stack NAME        Pulumi stack name (default: dev)
              --account ID        12-digit AWS account id (default: 123456789012)
              --region REGION     AWS region (default: us-east-1, or cn-north-1 for --partition aws-cn
                                  and us-gov-west-1 for --partition aws-us-gov)
              --partition ID      aws, aws-cn or aws-us-gov (default: the partition of --region)
              --json FILE         also write the graph as JSON, with secrets masked, to FILE
              --mermaid FILE      also write the graph as a Mermaid flowchart to FILE
              --help, -h          print this help and exit

            Exit status: 0 on success, 1 when the program failed or an output file could not be
            written, 2 on invalid usage.
            """;

    /**
     * The logger of Pulumi's test runtime (1.36.1), which prints a program's unhandled exception with
     * its stack trace. Held here so that the setting made in {@link #main} is not garbage-collected.
     */
    private static final Logger PULUMI_TEST_LOG = Logger.getLogger("com.pulumi.test.internal.PulumiTestInternal");

    private PreviewCommand() {
    }

    /** Runs the command and exits the JVM with its exit status. */
    public static void main(String[] args) {
        // The command reports a failed program in one line and logged errors itself, so Pulumi's
        // copy with a stack trace is not printed.
        // NOTE: this also hides info and warning messages that the program logs through ctx.log().
        // Security opt-outs still appear, in the summary.
        PULUMI_TEST_LOG.setUseParentHandlers(false);
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command: parses the arguments, previews the program, prints the tree, waves and
     * summary to {@code out} and writes the requested files. Problems go to {@code err}.
     *
     * @param args the command-line arguments
     * @param out  receives the tree, waves and summary, or the help text
     * @param err  receives usage problems and failures, one {@code error: } line each
     * @return {@link #EXIT_OK}, {@link #EXIT_FAILED} or {@link #EXIT_USAGE}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PreviewOptions options;
        try {
            options = PreviewOptions.parse(args);
        } catch (PreviewOptions.UsageException e) {
            return usageError(e.problems(), err);
        }
        if (options.help()) {
            out.print(USAGE);
            return EXIT_OK;
        }

        Class<?> programClass;
        try {
            programClass = Class.forName(options.programClass(), true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            return usageError(List.of("--program is \"" + options.programClass() + "\", but no such class was found "
                    + "on the class path; pass a fully qualified name such as com.example.AuditBaseline, with $ "
                    + "before a nested class name."), err);
        } catch (LinkageError e) {
            return failure("loading " + options.programClass() + " failed: " + e, err);
        }
        String problem = checkProgramClass(programClass);
        if (problem != null) {
            return usageError(List.of(problem), err);
        }

        Consumer<Context> program;
        try {
            program = instantiate(programClass);
        } catch (InvocationTargetException e) {
            return failure("the constructor of " + programClass.getName() + " failed: " + messageOf(e.getCause()), err);
        } catch (ReflectiveOperationException e) {
            return failure("creating " + programClass.getName() + " failed: " + messageOf(e), err);
        }

        String project = options.project().orElseGet(() -> PreviewOptions.kebabCase(programClass.getSimpleName()));
        PreviewResult result = OfflinePreview.builder()
                .account(options.account())
                .projectName(project)
                .stackName(options.stack())
                .build()
                .run(program);
        if (!result.succeeded()) {
            reportFailure(result, err);
            return EXIT_FAILED;
        }
        return report(result.graph(), options, out, err);
    }

    /**
     * Prints the program's exception and the errors it logged, one line each. Pulumi also logs the
     * exception itself, with the command line and stack trace, so that entry is left out.
     */
    private static void reportFailure(PreviewResult result, PrintStream err) {
        result.failure().ifPresent(thrown -> err.println("error: " + messageOf(thrown)));
        for (String message : result.errors()) {
            // Pulumi 1.36.1 words that entry "Running program [PID: n](command) failed with an
            // unhandled exception:" followed by the stack trace.
            boolean unhandledException = message.startsWith("Running program ")
                    && message.contains("failed with an unhandled exception");
            if (!unhandledException) {
                err.println("error: " + message.lines().findFirst().orElse(""));
            }
        }
    }

    /** Prints the tree, waves and summary and writes the requested files. */
    private static int report(ResourceGraph graph, PreviewOptions options, PrintStream out, PrintStream err) {
        out.print(TreeRenderer.render(graph));
        out.println();
        out.print(WaveRenderer.render(graph));
        out.println();
        out.print(SummaryRenderer.render(graph));
        out.flush();

        try {
            if (options.jsonFile().isPresent()) {
                write(options.jsonFile().get(), JsonRenderer.render(graph));
            }
            if (options.mermaidFile().isPresent()) {
                write(options.mermaidFile().get(), MermaidRenderer.render(graph));
            }
        } catch (IOException e) {
            return failure("writing an output file failed: " + e, err);
        }
        return EXIT_OK;
    }

    /** Describes why a class cannot be a program, or returns {@code null} when it can. */
    private static String checkProgramClass(Class<?> type) {
        String prefix = "--program is \"" + type.getName() + "\", but ";
        if (!Consumer.class.isAssignableFrom(type)) {
            return prefix + "that class does not implement java.util.function.Consumer<com.pulumi.Context>; "
                    + "implement it, with the program in accept(Context).";
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())
                || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
            return prefix + "that class is not public, is abstract or is a non-static nested class; "
                    + "make it a public concrete class, and static if it is nested.";
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            if (!Modifier.isPublic(constructor.getModifiers())) {
                return prefix + "its no-arg constructor is not public; make it public.";
            }
        } catch (NoSuchMethodException e) {
            return prefix + "that class has no public no-arg constructor; add one.";
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Consumer<Context> instantiate(Class<?> type) throws ReflectiveOperationException {
        // checkProgramClass proved that the class is a Consumer. Its type argument is erased, so a
        // Consumer of another type fails only when the preview calls it, as a program failure.
        return (Consumer<Context>) type.getConstructor().newInstance();
    }

    private static void write(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static int usageError(List<String> problems, PrintStream err) {
        problems.forEach(problem -> err.println("error: " + problem));
        err.println();
        err.print(USAGE);
        return EXIT_USAGE;
    }

    private static int failure(String message, PrintStream err) {
        err.println("error: " + message);
        return EXIT_FAILED;
    }

    /** Returns the exception's message, or its class name when it has none. */
    private static String messageOf(Throwable thrown) {
        String message = thrown.getMessage();
        return message == null || message.isBlank() ? thrown.getClass().getName() : message;
    }
}
