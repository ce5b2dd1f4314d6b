package io.github.securepulumi.core.preview;

import io.github.securepulumi.core.aws.Arn;
import io.github.securepulumi.core.aws.Partition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The command-line options of {@link PreviewCommand}, parsed and checked.
 *
 * @param help         whether {@code --help} was given; the other fields are then unchecked
 * @param programClass fully qualified name of the program class
 * @param project      Pulumi project name, or empty to derive it from the program class
 * @param stack        Pulumi stack name
 * @param account      the simulated account, from {@code --account}, {@code --region} and
 *                     {@code --partition}
 * @param jsonFile     where to write the JSON rendering, if requested
 * @param mermaidFile  where to write the Mermaid rendering, if requested
 */
record PreviewOptions(
        boolean help,
        String programClass,
        Optional<String> project,
        String stack,
        SimulatedAccount account,
        Optional<Path> jsonFile,
        Optional<Path> mermaidFile) {

    private static final Set<String> VALUE_OPTIONS = Set.of(
            "--program", "--project", "--stack", "--account", "--region", "--partition", "--json", "--mermaid");

    /** Region names such as {@code us-east-1}, {@code us-gov-west-1} and {@code cn-north-1}. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

    /** Invalid command-line usage, with every problem found. */
    static final class UsageException extends Exception {

        private static final long serialVersionUID = 1L;

        private final List<String> problems;

        UsageException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        /** Returns one sentence per problem, naming the option and the value received. */
        List<String> problems() {
            return problems;
        }
    }

    /**
     * Parses the arguments, accepting both {@code --option value} and {@code --option=value}.
     *
     * @throws UsageException listing every invalid, missing, repeated or unknown argument at once
     */
    static PreviewOptions parse(String[] args) throws UsageException {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        boolean help = false;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                option = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }

            if (option.equals("--help") || option.equals("-h")) {
                help = true;
            } else if (!VALUE_OPTIONS.contains(option)) {
                problems.add(arg.startsWith("-")
                        ? "unknown option " + option + "; see the options below."
                        : "unexpected argument \"" + arg + "\"; each value must follow its option, for example --stack prod.");
            } else {
                if (value == null) {
                    boolean hasNext = i + 1 < args.length && !args[i + 1].startsWith("--");
                    value = hasNext ? args[++i] : null;
                }
                if (value == null || value.isBlank()) {
                    problems.add(option + " is missing its value.");
                } else if (values.putIfAbsent(option, value) != null) {
                    problems.add(option + " is given twice (\"" + values.get(option) + "\" and \"" + value
                            + "\"); give it once.");
                }
            }
        }
        if (help) {
            return new PreviewOptions(true, "", Optional.empty(), "dev", SimulatedAccount.DEFAULT,
                    Optional.empty(), Optional.empty());
        }

        String programClass = values.get("--program");
        if (programClass == null && problems.stream().noneMatch(p -> p.startsWith("--program"))) {
            problems.add("--program is missing; pass the fully qualified name of the program class.");
        }
        SimulatedAccount account = account(values, problems);
        if (!problems.isEmpty()) {
            throw new UsageException(problems);
        }
        return new PreviewOptions(false, programClass,
                Optional.ofNullable(values.get("--project")),
                values.getOrDefault("--stack", "dev"),
                account,
                Optional.ofNullable(values.get("--json")).map(Path::of),
                Optional.ofNullable(values.get("--mermaid")).map(Path::of));
    }

    /** Builds the simulated account, adding a problem for each invalid or inconsistent value. */
    private static SimulatedAccount account(Map<String, String> values, List<String> problems) {
        int problemsBefore = problems.size();
        String accountId = values.getOrDefault("--account", SimulatedAccount.DEFAULT.accountId());
        if (!Arn.isAccountId(accountId)) {
            problems.add("--account is \"" + accountId + "\", but an AWS account id has exactly 12 digits; "
                    + "pass one such as 123456789012.");
        }

        Optional<Partition> partition = Optional.empty();
        String partitionId = values.get("--partition");
        if (partitionId != null) {
            partition = Partition.fromId(partitionId);
            if (partition.isEmpty()) {
                problems.add("--partition is \"" + partitionId + "\", but it must be aws, aws-cn or aws-us-gov.");
            }
        }

        String region = values.get("--region");
        if (region != null && !REGION.matcher(region).matches()) {
            problems.add("--region is \"" + region + "\", which is not a region name; pass one such as us-east-1.");
        }
        if (region == null) {
            region = partition.orElse(SimulatedAccount.DEFAULT.partition()).defaultRegion();
        }
        Partition regionPartition = Partition.ofRegion(region);
        if (partition.isPresent() && partition.get() != regionPartition) {
            problems.add("--region is \"" + region + "\", which belongs to partition " + regionPartition
                    + ", not " + partition.get() + "; pass a region of " + partition.get() + " such as "
                    + partition.get().defaultRegion() + ", or leave out --partition.");
        }

        if (problems.size() > problemsBefore) {
            return SimulatedAccount.DEFAULT;
        }
        return new SimulatedAccount(accountId, region, regionPartition);
    }

    /**
     * Converts a class's simple name to kebab-case for the default project name: {@code AuditBaseline}
     * becomes {@code audit-baseline} and {@code S3AccessLogs} becomes {@code s3-access-logs}.
     */
    static String kebabCase(String simpleName) {
        String words = simpleName
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2")
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .replace('_', '-')
                .replace('$', '-');
        return words.toLowerCase(Locale.ROOT);
    }
}
