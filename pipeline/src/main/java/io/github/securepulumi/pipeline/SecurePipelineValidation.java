package io.github.securepulumi.pipeline;

import io.github.securepulumi.core.Tags;
import io.github.securepulumi.core.Validation;
import io.github.securepulumi.core.aws.CloudWatchLogs;
import io.github.securepulumi.core.aws.Arn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the inputs of a {@link SecurePipeline} before anything is registered. */
final class SecurePipelineValidation {

    /** CodePipeline's rule for pipeline, stage and action names. */
    private static final Pattern PIPELINE_NAME = Pattern.compile("[A-Za-z0-9.@_-]{1,100}");
    /** CodePipeline's rule for artifact names. */
    private static final Pattern ARTIFACT_NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern REPOSITORY_ID = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SECRET_LIKE_NAME = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL).*");
    /** Formats of widely used credentials: AWS access key ids, GitHub, GitLab, Pulumi and Slack tokens, PEM private keys. */
    private static final Pattern SECRET_LIKE_VALUE = Pattern.compile(
            "(?s).*((AKIA|ASIA)[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20}"
                    + "|pul-[0-9a-f]{40}|xox[abposr]-[A-Za-z0-9-]{10,}|-----BEGIN [A-Z ]*PRIVATE KEY-----).*");
    private static final Set<String> AWS_CREDENTIAL_VARIABLES = Set.of(
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE");
    private static final Pattern IAM_ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9]+");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+){0,2}");
    private static final Pattern WORK_DIR = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");
    private static final Pattern CLOUDFORMATION_STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");
    private static final List<String> CAPABILITIES = List.of("CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND");
    /** Maximum number of push filters in one trigger (CodePipeline API Reference, GitConfiguration). */
    static final int MAX_PUSH_FILTERS = 3;
    /** Maximum number of patterns in one include or exclude list (CodePipeline API Reference, GitBranchFilterCriteria). */
    static final int MAX_FILTER_PATTERNS = 8;

    private SecurePipelineValidation() {
    }

    /** Returns the name unchanged, or raises every problem found in the args. */
    static String validated(String name, SecurePipelineArgs args) {
        Validation validation = Validation.of("SecurePipeline", name);
        String pipelineName = args.pipelineName().orElse(name);
        if (!PIPELINE_NAME.matcher(pipelineName).matches()) {
            validation.reject(args.pipelineName().isPresent() ? "pipelineName" : "pipelineName (default: the component name)",
                    pipelineName, "CodePipeline names are 1 to 100 letters, digits and . @ - _; rename it, for example to \"my-app-pipeline\".");
        }
        checkSource(args.source(), validation);
        checkPushFilters(args, validation);
        checkStages(name, args, validation);
        CloudWatchLogs.checkRetention("logRetentionDays", args.logRetentionDays(), validation);
        Tags.check("tags", args.tags(), validation);
        validation.throwIfInvalid();
        return name;
    }

    private static void checkSource(PipelineSource source, Validation validation) {
        checkArtifactName("source.outputArtifact", source.outputArtifact(), validation);
        switch (source.kind()) {
            case GITHUB, GITLAB, BITBUCKET -> {
                if (!REPOSITORY_ID.matcher(source.location()).matches()) {
                    validation.reject("source.location", source.location(),
                            "a connection source needs the repository as owner/name, such as \"my-org/my-app\"; pass that, not a URL or ARN.");
                }
                checkBranch(source.reference(), validation);
            }
            case S3 -> {
                if (Arn.parse(source.location()).isPresent() || source.location().startsWith("s3://")) {
                    validation.reject("source.location", source.location(),
                            "an S3 source needs the bucket name, not an ARN or URL; pass only the name, such as \"my-source-bucket\".");
                }
                if (source.reference().isEmpty()) {
                    validation.reject("source.reference", source.reference(), "an S3 source needs the object key of the zip file; pass it, such as \"app/source.zip\".");
                }
            }
            case CODECOMMIT -> {
                if (Arn.parse(source.location()).isPresent()) {
                    validation.reject("source.location", source.location(),
                            "a CodeCommit source needs the repository name, not its ARN; pass only the name after the last colon.");
                }
                checkBranch(source.reference(), validation);
            }
        }
    }

    private static void checkBranch(String branch, Validation validation) {
        if (branch.isBlank()) {
            validation.reject("source.reference", branch, "a Git source needs the branch to build; pass it, such as \"main\".");
        }
    }

    private static void checkPushFilters(SecurePipelineArgs args, Validation validation) {
        List<PushFilter> filters = args.pushFilters();
        if (filters.isEmpty()) {
            return;
        }
        if (!args.source().kind().usesConnection()) {
            validation.problem("pushFilters are set, but only GitHub, GitLab and Bitbucket sources (through a connection) support "
                    + "trigger filters, and the source is " + args.source().kind() + "; remove the push filters.");
            return;
        }
        if (filters.size() > MAX_PUSH_FILTERS) {
            validation.reject("pushFilters", filters.size() + " filters",
                    "CodePipeline accepts at most 3 push filters in a trigger; merge their patterns into 3 or fewer.");
        }
        for (int i = 0; i < filters.size(); i++) {
            checkPushFilter("pushFilters[" + i + "]", filters.get(i), validation);
        }
    }

    /**
     * Checks one push filter against the combinations the CodePipeline User Guide lists as valid
     * ("Filter triggers on code push or pull requests"): tags, branches, or branches with file paths.
     */
    private static void checkPushFilter(String path, PushFilter filter, Validation validation) {
        if (filter.hasTags() && (filter.hasBranches() || filter.hasFilePaths())) {
            validation.problem(path + " combines tags with branches or file paths, but CodePipeline accepts only tags, branches, "
                    + "or branches with file paths in one push filter; put the tag patterns in a filter of their own.");
        } else if (filter.hasFilePaths() && !filter.hasBranches()) {
            validation.problem(path + " has file paths without branches, but CodePipeline accepts file paths only together with "
                    + "branches in one push filter; add branchesInclude, such as \"main\".");
        } else if (!filter.hasTags() && !filter.hasBranches()) {
            validation.problem(path + " is empty, but a push filter needs branches or tags; add branchesInclude or tagsInclude.");
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("branchesInclude", filter.branchesInclude());
        lists.put("branchesExclude", filter.branchesExclude());
        lists.put("filePathsInclude", filter.filePathsInclude());
        lists.put("filePathsExclude", filter.filePathsExclude());
        lists.put("tagsInclude", filter.tagsInclude());
        lists.put("tagsExclude", filter.tagsExclude());
        lists.forEach((property, patterns) -> {
            if (patterns.size() > MAX_FILTER_PATTERNS) {
                validation.reject(path + "." + property, patterns.size() + " patterns",
                        "CodePipeline accepts at most 8 patterns in one list; use broader glob patterns or split the filter.");
            }
        });
    }

    private static void checkStages(String name, SecurePipelineArgs args, Validation validation) {
        List<PipelineStage> stages = args.stages();
        if (stages.isEmpty()) {
            validation.reject("stages", "empty",
                    "a pipeline needs at least one build or deploy stage after the source; add a BuildStage, a PulumiDeployStage "
                            + "or a CloudFormationDeployStage.");
            return;
        }
        Set<String> stageNames = new HashSet<>(List.of(SecurePipeline.SOURCE_STAGE));
        Map<String, Integer> writtenBy = new LinkedHashMap<>();
        writtenBy.put(args.source().outputArtifact(), -1);
        Set<String> projectNames = new HashSet<>();
        String pipelineName = args.pipelineName().orElse(name);
        Map<String, Integer> laterOutputs = new LinkedHashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i) instanceof BuildStage build) {
                laterOutputs.putIfAbsent(build.outputArtifact(), i);
            }
        }
        for (int i = 0; i < stages.size(); i++) {
            String path = "stages[" + i + "]";
            PipelineStage stage = stages.get(i);
            if (!(stage instanceof BuildStage) && !(stage instanceof PulumiDeployStage) && !(stage instanceof CloudFormationDeployStage)) {
                validation.problem(path + " is a " + stage.getClass().getName() + ", but SecurePipeline supports only BuildStage, "
                        + "PulumiDeployStage and CloudFormationDeployStage; build the stage with one of their builders.");
                continue;
            }
            checkName(path + ".name", stage.name(), validation);
            if (!stageNames.add(stage.name())) {
                validation.reject(path + ".name", stage.name(),
                        "another stage (or the source stage, named Source) already has that name; give each stage its own name.");
            }
            checkInput(path, i, stage.inputArtifact(), writtenBy, laterOutputs, validation);
            if (stage instanceof CodeBuildStage codeBuild) {
                checkProject(path, codeBuild, validation);
                String projectName = ProjectResources.projectName(pipelineName, stage);
                if (!projectNames.add(projectName)) {
                    validation.reject(path + ".name", stage.name(), "another stage already gets the CodeBuild project name \""
                            + projectName + "\", because . and @ become - in project names; rename one of the stages.");
                }
            }
            if (stage instanceof BuildStage build) {
                build.actionName().ifPresent(action -> checkName(path + ".actionName", action, validation));
                validation.justification(path + ".dockerBuild", build.dockerBuild());
                if (checkArtifactName(path + ".outputArtifact", build.outputArtifact(), validation)
                        && writtenBy.putIfAbsent(build.outputArtifact(), i) != null) {
                    validation.reject(path + ".outputArtifact", build.outputArtifact(),
                            "an earlier stage already writes an artifact of that name; give each output artifact its own name.");
                }
            } else if (stage instanceof PulumiDeployStage deploy) {
                checkPulumiStage(path, deploy, validation);
            } else if (stage instanceof CloudFormationDeployStage deploy) {
                checkChangeSetStage(path, deploy, validation);
            }
        }
    }

    private static void checkInput(String path, int index, String input, Map<String, Integer> writtenBy,
            Map<String, Integer> laterOutputs, Validation validation) {
        if (!checkArtifactName(path + ".inputArtifact", input, validation) || writtenBy.containsKey(input)) {
            return;
        }
        Integer writer = laterOutputs.get(input);
        if (writer != null && writer >= index) {
            validation.reject(path + ".inputArtifact", input, "it is written by stages[" + writer + "], which runs at the same time or later; "
                    + "move that stage before this one.");
        } else {
            validation.reject(path + ".inputArtifact", input,
                    "no earlier stage writes it; read one of " + new ArrayList<>(writtenBy.keySet()) + ".");
        }
    }

    private static void checkChangeSetStage(String path, CloudFormationDeployStage stage, Validation validation) {
        if (!CLOUDFORMATION_STACK_NAME.matcher(stage.stackName()).matches()) {
            validation.reject(path + ".stackName", stage.stackName(), "CloudFormation stack names start with a letter and have at most "
                    + "128 letters, digits and hyphens; rename it, for example to \"my-app-prod\".");
        }
        if (!WORK_DIR.matcher(stage.templatePath()).matches() || stage.templatePath().contains("..")) {
            validation.reject(path + ".templatePath", stage.templatePath(),
                    "it must be a relative file path inside the artifact, such as \"template.yaml\", without .. or spaces; pass such a path.");
        }
        if (!CLOUDFORMATION_STACK_NAME.matcher(stage.changeSetName()).matches()) {
            validation.reject(path + ".changeSetName", stage.changeSetName(), "change set names start with a letter and have at most "
                    + "128 letters, digits and hyphens; rename it.");
        }
        for (String capability : stage.capabilities()) {
            if (!CAPABILITIES.contains(capability)) {
                validation.reject(path + ".capabilities", capability, "CloudFormation accepts only " + CAPABILITIES + "; choose from those.");
            }
        }
        if (stage.permissions().isEmpty()) {
            validation.problem(path + " has no permissions, but CloudFormation can deploy nothing with an empty deployment role; "
                    + "list the actions and resource ARNs your template's resources need.");
        }
        for (int p = 0; p < stage.permissions().size(); p++) {
            checkPermission(path + ".permissions[" + p + "]", stage.permissions().get(p), validation);
        }
    }

    private static void checkProject(String path, CodeBuildStage stage, Validation validation) {
        if (stage.image().endsWith(":latest") || !stage.image().contains(":") && !stage.image().contains("@sha256:")) {
            validation.reject(path + ".image", stage.image(),
                    "the image is not pinned to a version, so builds change when the image does; use a versioned tag such as \""
                            + AbstractBuildStage.DEFAULT_IMAGE + "\" or a digest.");
        }
        if (stage.buildTimeoutMinutes() < 5 || stage.buildTimeoutMinutes() > 2160) {
            validation.reject(path + ".buildTimeoutMinutes", stage.buildTimeoutMinutes(), "CodeBuild accepts 5 to 2160 minutes; choose a value in that range.");
        }
        if (stage.queuedTimeoutMinutes() < 5 || stage.queuedTimeoutMinutes() > 480) {
            validation.reject(path + ".queuedTimeoutMinutes", stage.queuedTimeoutMinutes(), "CodeBuild accepts 5 to 480 minutes; choose a value in that range.");
        }
        List<EnvironmentVariable> variables = stage.environmentVariables();
        for (int v = 0; v < variables.size(); v++) {
            checkVariable(path + ".environmentVariables[" + v + "]", variables.get(v), validation);
        }
    }

    private static void checkVariable(String path, EnvironmentVariable variable, Validation validation) {
        String name = variable.name();
        if (!VARIABLE_NAME.matcher(name).matches() || name.startsWith("CODEBUILD_")) {
            validation.reject(path + ".name", name,
                    "a variable name is letters, digits and underscores, not starting with a digit or CODEBUILD_ (reserved by CodeBuild); rename it.");
        }
        if (AWS_CREDENTIAL_VARIABLES.contains(name)) {
            validation.reject(path + ".name", name,
                    "AWS credentials come only from the stage's role, so no stage may set them; remove the variable and grant the role what it needs.");
            return;
        }
        switch (variable.type()) {
            case PLAINTEXT -> {
                if (SECRET_LIKE_NAME.matcher(name).matches() || SECRET_LIKE_VALUE.matcher(variable.value()).matches()) {
                    validation.problem(path + " (" + name + ") is a PLAINTEXT variable that looks like a secret, but plaintext values "
                            + "are visible to anyone who can read the project; store the value in Secrets Manager or as an SSM "
                            + "SecureString and pass it with type SECRETS_MANAGER or PARAMETER_STORE.");
                }
            }
            case PARAMETER_STORE -> {
                if (Arn.parse(variable.value()).isPresent()) {
                    validation.reject(path + ".value", variable.value(),
                            "PARAMETER_STORE takes the parameter's name, not its ARN; pass the name, such as \"/my-app/db-url\".");
                }
            }
            case SECRETS_MANAGER -> checkSecretArn(path + ".value", variable.value(), validation);
        }
    }

    private static void checkSecretArn(String path, String value, Validation validation) {
        Optional<Arn> arn = Arn.parse(value);
        if (arn.isEmpty() || !arn.get().service().equals("secretsmanager") || !arn.get().resource().startsWith("secret:")) {
            validation.reject(path, value, "SECRETS_MANAGER takes the secret's full ARN, so the stage's role can be granted that secret "
                    + "alone; pass an ARN such as arn:aws:secretsmanager:us-east-1:123456789012:secret:my-app/token-AbCdEf.");
        }
    }

    private static void checkPulumiStage(String path, PulumiDeployStage stage, Validation validation) {
        if (!STACK_NAME.matcher(stage.stackName()).matches()) {
            validation.reject(path + ".stackName", stage.stackName(),
                    "Pulumi stack names are letters, digits, - _ . with an optional organization/project/ prefix; pass one such as \"prod\".");
        }
        stage.workDir().filter(dir -> !WORK_DIR.matcher(dir).matches() || dir.contains(".."))
                .ifPresent(dir -> validation.reject(path + ".workDir", dir,
                        "it must be a relative folder inside the artifact, such as \"infra\", without .. or spaces; pass such a folder."));
        if (!VERSION.matcher(stage.pulumiCliVersion()).matches()) {
            validation.reject(path + ".pulumiCliVersion", stage.pulumiCliVersion(),
                    "it must be an exact release such as \"3.118.0\", so the download matches its checksum; pass the version number.");
        }
        if (!SHA256.matcher(stage.pulumiCliSha256()).matches()) {
            validation.reject(path + ".pulumiCliSha256", stage.pulumiCliSha256(),
                    "it must be the 64 lowercase hexadecimal characters of the tarball's SHA-256; copy it from the release's checksums file.");
        }
        if (stage.accessTokenSecretArn().isPresent() == stage.accessTokenParameterName().isPresent()) {
            validation.problem(path + " must read the Pulumi access token from exactly one place; set either accessTokenSecretArn "
                    + "or accessTokenParameterName (an SSM SecureString).");
        }
        stage.accessTokenSecretArn().ifPresent(arn -> checkSecretArn(path + ".accessTokenSecretArn", arn, validation));
        stage.accessTokenParameterName().filter(parameter -> Arn.parse(parameter).isPresent())
                .ifPresent(parameter -> validation.reject(path + ".accessTokenParameterName", parameter,
                        "it takes the parameter's name, not its ARN; pass the name, such as \"/pulumi/access-token\"."));
        for (int v = 0; v < stage.environmentVariables().size(); v++) {
            if (stage.environmentVariables().get(v).name().equals(SecurePipeline.PULUMI_ACCESS_TOKEN)) {
                validation.reject(path + ".environmentVariables[" + v + "].name", SecurePipeline.PULUMI_ACCESS_TOKEN,
                        "a Pulumi deploy stage sets that variable itself from accessTokenSecretArn or accessTokenParameterName; remove it.");
            }
        }
        for (int p = 0; p < stage.permissions().size(); p++) {
            checkPermission(path + ".permissions[" + p + "]", stage.permissions().get(p), validation);
        }
    }

    private static void checkPermission(String path, DeployPermission permission, Validation validation) {
        if (!SID.matcher(permission.sid()).matches()) {
            validation.reject(path + ".sid", permission.sid(), "a statement id may contain only letters and digits; remove the other characters.");
        }
        if (permission.actions().isEmpty()) {
            validation.problem(path + " (" + permission.sid() + ") has no actions; list the actions the deployment needs.");
        }
        for (String action : permission.actions()) {
            if (action.contains("*")) {
                validation.reject(path + ".actions", action,
                        "a deployment role names every action in full, without wildcards; list each action, such as lambda:UpdateFunctionCode.");
            } else if (!IAM_ACTION.matcher(action).matches()) {
                validation.reject(path + ".actions", action, "it is not an IAM action of the form service:Action; fix its spelling.");
            }
        }
        if (permission.resources().isEmpty()) {
            validation.problem(path + " (" + permission.sid() + ") has no resources; list the ARNs the actions apply to.");
        }
        for (String resource : permission.resources()) {
            if (resource.equals("*")) {
                validation.reject(path + ".resources", resource,
                        "a deployment role may not act on every resource; list the ARNs or ARN patterns, such as arn:aws:s3:::my-app-*.");
            } else if (Arn.parse(resource).isEmpty()) {
                validation.reject(path + ".resources", resource, "it is not an ARN; pass the resource's ARN or an ARN pattern.");
            }
        }
    }

    private static void checkName(String path, String value, Validation validation) {
        if (!PIPELINE_NAME.matcher(value).matches()) {
            validation.reject(path, value, "CodePipeline stage and action names are 1 to 100 letters, digits and . @ - _; rename it.");
        }
    }

    private static boolean checkArtifactName(String path, String value, Validation validation) {
        if (!ARTIFACT_NAME.matcher(value).matches()) {
            validation.reject(path, value, "CodePipeline artifact names are 1 to 100 letters, digits, - and _; rename it.");
            return false;
        }
        return true;
    }
}
