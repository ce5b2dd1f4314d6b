package io.github.securepulumi.security.analysis;

import io.github.securepulumi.security.analysis.ConditionOperator.Family;
import io.github.securepulumi.security.analysis.PolicyModel.Condition;
import io.github.securepulumi.security.analysis.PolicyModel.Document;
import io.github.securepulumi.security.analysis.PolicyModel.Principal;
import io.github.securepulumi.security.analysis.PolicyModel.Statement;
import io.github.securepulumi.security.analysis.PolicyModel.Values;
import io.github.securepulumi.security.iam.catalog.ArnPattern;
import io.github.securepulumi.security.iam.catalog.ConditionKeyType;
import io.github.securepulumi.security.iam.catalog.IamAction;
import io.github.securepulumi.security.iam.catalog.IamCatalog;
import io.github.securepulumi.security.iam.catalog.IamConditionKey;
import io.github.securepulumi.security.iam.catalog.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The checks that {@link PolicyAnalyzer} and the least-privilege builder share. */
final class PolicyChecks {

    static final String CURRENT_VERSION = "2012-10-17";
    private static final String OLD_VERSION = "2008-10-17";
    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9]*");
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9*?_-]+");
    private static final Pattern SERVICE_PRINCIPAL = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.amazonaws\\.com(\\.cn)?");
    private static final Pattern AWS_PRINCIPAL = Pattern.compile(
            "\\d{12}|arn:aws(-cn|-us-gov)?:(iam::\\d{12}:(root|user/.+|role/.+)|sts::\\d{12}:assumed-role/.+)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d+|\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern IP = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*)(/\\d{1,3})?");
    private static final Set<String> TRUST_ACTIONS = Set.of("sts:assumerole", "sts:assumerolewithsaml",
            "sts:assumerolewithwebidentity", "sts:tagsession", "sts:setsourceidentity", "sts:setcontext");
    private static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov");
    private static final int MAX_LISTED = 5;

    private final IamCatalog catalog;
    private final PolicyType policyType;
    private final PolicySizeLimit sizeLimit;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, String> grantedActions = new LinkedHashMap<>();
    private boolean fullAdmin;

    private PolicyChecks(IamCatalog catalog, PolicyType policyType, PolicySizeLimit sizeLimit) {
        this.catalog = catalog;
        this.policyType = policyType;
        this.sizeLimit = sizeLimit;
    }

    /**
     * Runs every check on a parsed document.
     *
     * @param sizeLimit the limit to check, or {@code null} to skip the size check
     */
    static List<Finding> run(Document document, PolicyType policyType, IamCatalog catalog, PolicySizeLimit sizeLimit) {
        PolicyChecks checks = new PolicyChecks(catalog, policyType, sizeLimit);
        checks.checkDocument(document);
        return List.copyOf(checks.findings);
    }

    private void add(FindingType type, String id, String path, String message, String fix) {
        findings.add(new Finding(type, id, path, message, fix));
    }

    private void checkDocument(Document document) {
        checkVersion(document.version());
        if (sizeLimit != null && document.size() > sizeLimit.maxCharacters()) {
            add(FindingType.ERROR, "POLICY_SIZE_EXCEEDED", "$",
                    "The policy has " + document.size() + " characters without white space, but AWS accepts at most "
                            + sizeLimit.maxCharacters() + " for " + sizeLimit.description() + ".",
                    "Merge statements that share resources and conditions, or split the policy into several policies.");
        }
        Set<String> sids = new HashSet<>();
        for (Statement statement : document.statements()) {
            checkSid(statement, sids);
            checkStatement(statement);
        }
        checkPrivilegeEscalation();
    }

    private void checkVersion(String version) {
        if (version == null) {
            add(FindingType.WARNING, "MISSING_VERSION", "$",
                    "The policy has no Version, so IAM reads it as version " + OLD_VERSION
                            + ", which does not support policy variables such as ${aws:username}.",
                    "Add \"Version\": \"" + CURRENT_VERSION + "\".");
        } else if (version.equals(OLD_VERSION)) {
            add(FindingType.WARNING, "OLD_VERSION", "$.Version",
                    "The policy uses the old version \"" + OLD_VERSION + "\", which does not support policy variables.",
                    "Use \"Version\": \"" + CURRENT_VERSION + "\".");
        } else if (!version.equals(CURRENT_VERSION)) {
            add(FindingType.ERROR, "INVALID_VERSION", "$.Version",
                    "The Version \"" + version + "\" is not a policy language version; AWS accepts only \""
                            + CURRENT_VERSION + "\" and \"" + OLD_VERSION + "\".",
                    "Use \"Version\": \"" + CURRENT_VERSION + "\".");
        }
    }

    private void checkSid(Statement statement, Set<String> sids) {
        String sid = statement.sid();
        if (sid == null) {
            return;
        }
        if (!sids.add(sid)) {
            add(FindingType.ERROR, "DUPLICATE_SID", statement.path() + ".Sid",
                    "The Sid \"" + sid + "\" is used by an earlier statement of the policy.",
                    "Give every statement a unique Sid.");
        }
        if (!ALPHANUMERIC.matcher(sid).matches()) {
            add(policyType == PolicyType.IDENTITY ? FindingType.ERROR : FindingType.WARNING, "INVALID_SID",
                    statement.path() + ".Sid",
                    "The Sid \"" + sid + "\" contains characters other than letters and digits, which IAM rejects in identity policies.",
                    "Use only A-Z, a-z and 0-9, for example \"" + sid.replaceAll("[^A-Za-z0-9]", "") + "\".");
        }
    }

    private void checkStatement(Statement statement) {
        String path = statement.path();
        if (statement.effect() == null) {
            add(FindingType.ERROR, "MISSING_EFFECT", path, "The statement has no Effect.", "Add \"Effect\": \"Allow\" or \"Deny\".");
        } else if (!statement.effect().equals("Allow") && !statement.effect().equals("Deny")) {
            add(FindingType.ERROR, "INVALID_EFFECT", path + ".Effect",
                    "The Effect \"" + statement.effect() + "\" is neither \"Allow\" nor \"Deny\" (the values are case-sensitive).",
                    "Use \"Allow\" or \"Deny\".");
        }
        checkPrincipal(statement);
        List<ActionElement> actions = checkActions(statement);
        checkResources(statement, actions);
        checkConditions(statement, actions);
        checkPassRole(statement, actions);
        checkRiskyActions(statement, actions);
    }

    private void checkPrincipal(Statement statement) {
        Principal principal = statement.principal() != null ? statement.principal() : statement.notPrincipal();
        if (policyType == PolicyType.IDENTITY) {
            if (principal != null) {
                add(FindingType.ERROR, "PRINCIPAL_IN_IDENTITY_POLICY", principal.path(),
                        "The statement names a principal, but an identity policy applies to the user, group or role it is attached to.",
                        "Remove the Principal element, or write a resource or trust policy instead.");
            }
            return;
        }
        if (principal == null) {
            add(FindingType.ERROR, "MISSING_PRINCIPAL", statement.path(),
                    "The statement has no Principal, which a " + label(policyType) + " needs in every statement.",
                    "Add the principal, for example {\"Service\": \"cloudtrail.amazonaws.com\"}.");
            return;
        }
        if (statement.notPrincipal() != null && statement.allows()) {
            add(FindingType.ERROR, "ALLOW_WITH_NOT_PRINCIPAL", statement.notPrincipal().path(),
                    "The statement combines Allow with NotPrincipal, which grants access to every principal except the ones named.",
                    "Name the principals to allow in a Principal element.");
        }
        boolean everyone = principal.any();
        for (Map.Entry<String, Values> entry : principal.byType().entrySet()) {
            Values values = entry.getValue();
            for (int i = 0; i < values.values().size(); i++) {
                String value = values.values().get(i);
                if (entry.getKey().equals("Service") && !SERVICE_PRINCIPAL.matcher(value).matches()) {
                    add(FindingType.ERROR, "INVALID_PRINCIPAL", values.pathOf(i),
                            "The service principal \"" + value + "\" is not a service name such as cloudtrail.amazonaws.com.",
                            "Use the service's principal name, which ends in .amazonaws.com.");
                }
                if (entry.getKey().equals("AWS")) {
                    if (value.equals("*")) {
                        everyone = true;
                    } else if (!AWS_PRINCIPAL.matcher(value).matches()) {
                        add(FindingType.ERROR, "INVALID_PRINCIPAL", values.pathOf(i),
                                "The AWS principal \"" + value + "\" is neither an account id nor the ARN of an account root, user, role or assumed-role session.",
                                "Use an ARN such as arn:aws:iam::123456789012:root or arn:aws:iam::123456789012:role/NAME.");
                    }
                }
            }
        }
        if (everyone && statement.allows() && statement.conditions().isEmpty() && statement.principal() != null) {
            add(FindingType.SECURITY_WARNING, "PUBLIC_ACCESS", principal.path(),
                    "The statement allows every principal (\"*\") with no condition, so anyone, in any account, is granted access.",
                    "Name the principals, or add a condition such as aws:SourceAccount or aws:PrincipalOrgID.");
        }
    }

    /** One value of an Action or NotAction element and the catalog actions it stands for. */
    private record ActionElement(String value, String path, List<IamAction> matches, boolean wildcard) {
    }

    private List<ActionElement> checkActions(Statement statement) {
        Values action = statement.action();
        Values notAction = statement.notAction();
        if (action == null && notAction == null) {
            add(FindingType.ERROR, "MISSING_ACTION", statement.path(), "The statement has neither Action nor NotAction.",
                    "Add the exact actions the principal needs.");
            return List.of();
        }
        if (action != null && notAction != null) {
            add(FindingType.ERROR, "ACTION_AND_NOT_ACTION", notAction.path(), "The statement has both Action and NotAction.",
                    "Keep one of them; split the statement if you need both.");
        }
        if (notAction != null && statement.allows()) {
            add(FindingType.SECURITY_WARNING, "ALLOW_WITH_NOT_ACTION", notAction.path(),
                    "The statement combines Allow with NotAction, which grants every action not listed, including actions AWS adds later.",
                    "List the allowed actions in Action instead.");
        }

        List<ActionElement> elements = new ArrayList<>();
        Values values = action != null ? action : notAction;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.values().size(); i++) {
            String value = values.values().get(i);
            String valuePath = values.pathOf(i);
            if (!seen.add(value.toLowerCase(Locale.ROOT))) {
                add(FindingType.SUGGESTION, "REDUNDANT_ACTION", valuePath,
                        "The action \"" + value + "\" is listed twice in the statement.", "Remove the repeated entry.");
                continue;
            }
            checkAction(value, valuePath).ifPresent(elements::add);
        }

        if (action != null && statement.allows()) {
            checkAllowedActions(elements);
        }
        return action != null ? elements : List.of();
    }

    private void checkAllowedActions(List<ActionElement> elements) {
        for (ActionElement element : elements) {
            if (policyType == PolicyType.TRUST && !element.wildcard()
                    && !TRUST_ACTIONS.contains(element.value().toLowerCase(Locale.ROOT))) {
                add(FindingType.ERROR, "TRUST_POLICY_ACTION", element.path(),
                        "The action \"" + element.value() + "\" does not belong in a trust policy, which controls only who may assume the role.",
                        "Use sts:AssumeRole (or AssumeRoleWithSAML, AssumeRoleWithWebIdentity, TagSession); grant other actions in the role's permissions policy.");
            }
            if (element.wildcard()) {
                add(FindingType.SECURITY_WARNING, "WILDCARD_ACTION", element.path(),
                        "The action \"" + element.value() + "\" is a wildcard that allows " + element.matches().size()
                                + " actions today and every matching action AWS adds later.",
                        "List the exact actions needed" + exampleActions(element.matches()) + ".");
            }
            for (IamAction granted : element.matches()) {
                grantedActions.putIfAbsent(granted.fullName().toLowerCase(Locale.ROOT), element.path());
            }
        }
    }

    private static String exampleActions(List<IamAction> matches) {
        if (matches.size() > MAX_LISTED) {
            return "";
        }
        return ", for example " + matches.stream().map(IamAction::fullName).collect(Collectors.joining(", "));
    }

    private Optional<ActionElement> checkAction(String value, String path) {
        if (value.equals("*")) {
            return Optional.of(new ActionElement(value, path, catalog.matchingActions("*"), true));
        }
        if (!ACTION.matcher(value).matches()) {
            add(FindingType.ERROR, "INVALID_ACTION", path,
                    "The action \"" + value + "\" is not of the form service:ActionName.",
                    "Write the service prefix, a colon and the action name, for example s3:GetObject.");
            return Optional.empty();
        }
        String service = value.substring(0, value.indexOf(':'));
        if (catalog.service(service).isEmpty()) {
            add(FindingType.ERROR, "UNKNOWN_SERVICE", path,
                    "The action \"" + value + "\" names the service prefix \"" + service + "\", which is not an AWS service prefix.",
                    catalog.suggestService(service).map(s -> "Did you mean \"" + s + "\"?")
                            .orElse("Use the prefix from the Service Authorization Reference, for example s3 or kms."));
            return Optional.empty();
        }
        boolean wildcard = value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
        List<IamAction> matches = catalog.matchingActions(value);
        if (matches.isEmpty()) {
            String fix = wildcard ? "Correct the pattern so that it matches at least one action of " + service + "."
                    : catalog.suggestAction(value).map(s -> "Did you mean \"" + s + "\"?")
                            .orElse("Use an action listed for " + service + " in the Service Authorization Reference.");
            add(FindingType.ERROR, "UNKNOWN_ACTION", path,
                    wildcard ? "The action pattern \"" + value + "\" matches no action of " + service + "."
                            : "The action \"" + value + "\" does not exist in service " + service + ".",
                    fix);
            return Optional.empty();
        }
        return Optional.of(new ActionElement(value, path, matches, wildcard));
    }

    private void checkResources(Statement statement, List<ActionElement> actions) {
        Values resource = statement.resource();
        Values notResource = statement.notResource();
        if (policyType == PolicyType.TRUST) {
            Values present = resource != null ? resource : notResource;
            if (present != null) {
                add(FindingType.ERROR, "RESOURCE_IN_TRUST_POLICY", present.path(),
                        "The statement has a Resource element, but a trust policy's resource is always the role itself.",
                        "Remove the Resource element.");
            }
            return;
        }
        if (resource == null && notResource == null) {
            add(FindingType.ERROR, "MISSING_RESOURCE", statement.path(), "The statement has neither Resource nor NotResource.",
                    "Add the ARNs of the resources the statement applies to.");
            return;
        }
        if (resource != null && notResource != null) {
            add(FindingType.ERROR, "RESOURCE_AND_NOT_RESOURCE", notResource.path(),
                    "The statement has both Resource and NotResource.", "Keep one of them; split the statement if you need both.");
        }
        if (notResource != null && statement.allows()) {
            add(FindingType.SECURITY_WARNING, "ALLOW_WITH_NOT_RESOURCE", notResource.path(),
                    "The statement combines Allow with NotResource, which grants access to every resource not listed, including resources created later.",
                    "List the allowed resources in Resource instead.");
        }

        Values values = resource != null ? resource : notResource;
        List<ArnPattern> arns = new ArrayList<>();
        boolean star = checkResourceValues(values, resource != null ? actions : List.of(), arns);

        if (resource == null || !statement.allows()) {
            return;
        }
        if (star) {
            checkStarResource(statement, resource, actions);
        } else if (!arns.isEmpty()) {
            checkEveryActionHasResource(statement, resource, arns, actions);
        }
    }

    /**
     * Checks each resource value: repeats, ARN syntax and whether some action of the statement can
     * use it. Adds the parsed ARNs to {@code arns} and returns whether {@code "*"} is among the values.
     */
    private boolean checkResourceValues(Values values, List<ActionElement> actions, List<ArnPattern> arns) {
        boolean star = false;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.values().size(); i++) {
            String value = values.values().get(i);
            if (!seen.add(value)) {
                add(FindingType.SUGGESTION, "REDUNDANT_RESOURCE", values.pathOf(i),
                        "The resource \"" + value + "\" is listed twice in the statement.", "Remove the repeated entry.");
                continue;
            }
            if (value.equals("*")) {
                star = true;
                continue;
            }
            Optional<ArnPattern> arn = ArnPattern.parse(value);
            if (arn.isEmpty() || !validPartition(arn.get().partition())) {
                add(FindingType.ERROR, "INVALID_ARN", values.pathOf(i),
                        "The resource \"" + value + "\" is not an ARN of the form arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE.",
                        "Use the resource's full ARN, or \"*\" for actions that do not support resource-level permissions.");
                continue;
            }
            arns.add(arn.get());
            if (!actions.isEmpty()) {
                checkResourceMatchesSomeAction(value, values.pathOf(i), arn.get(), actions);
            }
        }
        return star;
    }

    private static boolean validPartition(String partition) {
        return PARTITIONS.contains(partition) || partition.contains("*") || partition.contains("?") || partition.startsWith("${");
    }

    private void checkResourceMatchesSomeAction(String value, String path, ArnPattern arn, List<ActionElement> actions) {
        Set<String> formats = new LinkedHashSet<>();
        boolean anyResourceLevel = false;
        for (ActionElement element : actions) {
            for (IamAction action : element.matches()) {
                if (action.appliesTo(arn)) {
                    return;
                }
                formats.addAll(action.arnFormats());
                anyResourceLevel |= action.supportsResourceLevelPermissions();
            }
        }
        if (!anyResourceLevel) {
            add(FindingType.ERROR, "RESOURCE_ARN_MISMATCH", path,
                    "The resource \"" + value + "\" cannot apply: none of the actions of the statement"
                            + " (" + names(actions) + ") supports resource-level permissions.",
                    "Use \"Resource\": \"*\" for these actions.");
            return;
        }
        add(FindingType.ERROR, "RESOURCE_ARN_MISMATCH", path,
                "The resource \"" + value + "\" matches none of the resource types of the actions of the statement"
                        + " (" + names(actions) + ").",
                "Use an ARN of the form " + formats.stream().limit(MAX_LISTED).collect(Collectors.joining(" or ")) + ".");
    }

    private void checkStarResource(Statement statement, Values resource, List<ActionElement> actions) {
        List<String> scoped = new ArrayList<>();
        boolean anyWildcard = false;
        for (ActionElement element : actions) {
            if (element.value().equals("*")) {
                fullAdmin = true;
                add(FindingType.SECURITY_WARNING, "FULL_ADMIN", element.path(),
                        "The statement allows every action on every resource (\"Action\": \"*\" with \"Resource\": \"*\"), which is full administrator access.",
                        "Grant only the actions and resources the principal needs.");
                return;
            }
            for (IamAction action : element.matches()) {
                if (action.supportsResourceLevelPermissions()) {
                    anyWildcard |= element.wildcard();
                    if (!element.wildcard()) {
                        scoped.add(action.fullName());
                    }
                }
            }
        }
        if (scoped.isEmpty() && !anyWildcard) {
            return;
        }
        String listed = scoped.isEmpty() ? names(actions) : String.join(", ", scoped.stream().limit(MAX_LISTED).toList());
        FindingType type = policyType == PolicyType.IDENTITY ? FindingType.SECURITY_WARNING : FindingType.SUGGESTION;
        add(type, "WILDCARD_RESOURCE", resource.path(),
                "The statement uses \"Resource\": \"*\" for actions that support resource-level permissions (" + listed + ").",
                "Name the ARNs of the resources these actions need; keep \"*\" only for actions without resource types, in a statement of their own.");
    }

    private void checkEveryActionHasResource(Statement statement, Values resource, List<ArnPattern> arns,
            List<ActionElement> actions) {
        for (ActionElement element : actions) {
            if (element.wildcard()) {
                continue;
            }
            IamAction action = element.matches().get(0);
            if (!action.supportsResourceLevelPermissions()) {
                add(FindingType.ERROR, "ACTION_RESOURCE_MISMATCH", element.path(),
                        "The action \"" + action.fullName() + "\" does not support resource-level permissions, so the ARNs of the statement never apply to it and it is never allowed.",
                        "Move it to a statement of its own with \"Resource\": \"*\".");
                continue;
            }
            boolean applies = false;
            for (ArnPattern arn : arns) {
                if (action.appliesTo(arn)) {
                    applies = true;
                    break;
                }
            }
            if (!applies) {
                add(FindingType.ERROR, "ACTION_RESOURCE_MISMATCH", element.path(),
                        "The action \"" + action.fullName() + "\" applies to none of the resources of the statement"
                                + " (" + String.join(", ", resource.values()) + "), so it is never allowed.",
                        "Add an ARN of the form " + String.join(" or ", action.arnFormats()) + ".");
            }
        }
    }

    private void checkConditions(Statement statement, List<ActionElement> actions) {
        for (Condition condition : statement.conditions()) {
            Optional<ConditionOperator.Parsed> operator = ConditionOperator.parse(condition.operator());
            String operatorPath = condition.path().substring(0, condition.path().length() - condition.key().length() - 1);
            if (operator.isEmpty()) {
                List<String> labels = Arrays.stream(ConditionOperator.values()).map(ConditionOperator::label).toList();
                add(FindingType.ERROR, "UNKNOWN_CONDITION_OPERATOR", operatorPath,
                        "The condition operator \"" + condition.operator() + "\" is not an IAM condition operator.",
                        Suggestions.closest(condition.operator(), labels).map(s -> "Did you mean \"" + s + "\"?")
                                .orElse("Use an operator such as StringEquals, StringLike, ArnLike, Bool or IpAddress."));
                continue;
            }
            Optional<IamConditionKey> key = catalog.conditionKey(condition.key());
            if (key.isEmpty()) {
                add(FindingType.ERROR, "UNKNOWN_CONDITION_KEY", condition.path(),
                        "The condition key \"" + condition.key() + "\" is neither a global condition key nor a key of its service.",
                        catalog.suggestConditionKey(condition.key()).map(s -> "Did you mean \"" + s + "\"?")
                                .orElse("Use a key from the Service Authorization Reference, such as aws:SourceArn."));
                continue;
            }
            checkConditionType(condition, operator.get(), key.get());
            checkConditionValues(condition, operator.get().operator());
            checkConditionKeyApplies(statement, condition, key.get(), actions);
        }
    }

    private void checkConditionType(Condition condition, ConditionOperator.Parsed parsed, IamConditionKey key) {
        ConditionOperator operator = parsed.operator();
        if (!operator.accepts(key.type())) {
            add(FindingType.ERROR, "CONDITION_TYPE_MISMATCH", condition.path(),
                    "The operator " + condition.operator() + " does not apply to the condition key \"" + condition.key()
                            + "\", whose type is " + key.type().label() + ".",
                    "Use an operator for " + key.type().elementType().label() + " values, such as "
                            + operatorFor(key.type().elementType()) + ".");
        }
        if (parsed.setPrefix() != null && !key.type().isArray()) {
            add(FindingType.WARNING, "SET_OPERATOR_ON_SINGLE_VALUED_KEY", condition.path(),
                    "The operator " + condition.operator() + " is for multivalued keys, but \"" + condition.key()
                            + "\" has a single value; with a missing key ForAllValues is true, which can allow more than intended.",
                    "Drop the " + parsed.setPrefix() + ": prefix.");
        }
    }

    private static String operatorFor(ConditionKeyType type) {
        return switch (type) {
            case ARN -> "ArnLike or ArnEquals";
            case BOOL -> "Bool";
            case NUMERIC -> "NumericEquals";
            case DATE -> "DateGreaterThan";
            case IP_ADDRESS -> "IpAddress";
            case BINARY -> "BinaryEquals";
            default -> "StringEquals or StringLike";
        };
    }

    private void checkConditionValues(Condition condition, ConditionOperator operator) {
        Family family = operator.family();
        Values values = condition.values();
        for (int i = 0; i < values.values().size(); i++) {
            String value = values.values().get(i);
            if (value.contains("${")) {
                continue;
            }
            String expected = switch (family) {
                case BOOL, NULL -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null : "true or false";
                case NUMERIC -> NUMBER.matcher(value).matches() ? null : "a number";
                case DATE -> DATE.matcher(value).matches() ? null : "an ISO 8601 date or epoch seconds";
                case IP_ADDRESS -> IP.matcher(value).matches() ? null : "an IP address or CIDR block";
                default -> null;
            };
            if (expected != null) {
                add(FindingType.ERROR, "INVALID_CONDITION_VALUE", values.pathOf(i),
                        "The value \"" + value + "\" of " + condition.operator() + " on \"" + condition.key() + "\" is not " + expected + ".",
                        "Write " + expected + ".");
            }
        }
    }

    private void checkConditionKeyApplies(Statement statement, Condition condition, IamConditionKey key,
            List<ActionElement> actions) {
        if (key.global() || actions.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (ActionElement element : actions) {
            for (IamAction action : element.matches()) {
                if (action.supportsConditionKey(key)) {
                    return;
                }
                names.add(action.fullName());
            }
        }
        add(FindingType.ERROR, "CONDITION_KEY_NOT_SUPPORTED", condition.path(),
                "The condition key \"" + condition.key() + "\" is not in the request context of any action of the statement ("
                        + String.join(", ", names.stream().limit(MAX_LISTED).toList())
                        + "), so the condition never matches as intended.",
                "Use a key that these actions support, or a global key such as aws:SourceArn.");
    }

    private void checkPassRole(Statement statement, List<ActionElement> actions) {
        // A bare "*" already gets WILDCARD_ACTION and, with "Resource": "*", FULL_ADMIN.
        if (!statement.allows() || policyType == PolicyType.TRUST) {
            return;
        }
        Optional<ActionElement> passRole = actions.stream()
                .filter(e -> !e.value().equals("*"))
                .filter(e -> e.matches().stream().anyMatch(a -> a.fullName().equalsIgnoreCase("iam:PassRole")))
                .findFirst();
        if (passRole.isEmpty()) {
            return;
        }
        Values resource = statement.resource();
        if (resource != null) {
            for (int i = 0; i < resource.values().size(); i++) {
                String value = resource.values().get(i);
                if (value.contains("*") || value.contains("?")) {
                    add(FindingType.SECURITY_WARNING, "PASS_ROLE_WITH_STAR_IN_RESOURCE", resource.pathOf(i),
                            "The statement allows iam:PassRole on \"" + value + "\", so the principal can pass roles more privileged than itself to a service.",
                            "Name the exact role ARNs, for example arn:aws:iam::123456789012:role/NAME, in a statement of their own.");
                }
            }
        }
        boolean passedToService = statement.conditions().stream()
                .anyMatch(c -> c.key().equalsIgnoreCase("iam:PassedToService"));
        if (!passedToService) {
            add(FindingType.SECURITY_WARNING, "PASS_ROLE_WITHOUT_PASSED_TO_SERVICE", passRole.get().path(),
                    "The statement allows iam:PassRole without an iam:PassedToService condition, so the role can be passed to any service.",
                    "Add StringEquals iam:PassedToService with the service principal that needs the role, for example lambda.amazonaws.com.");
        }
    }

    private void checkRiskyActions(Statement statement, List<ActionElement> actions) {
        if (!statement.allows() || policyType == PolicyType.TRUST) {
            return;
        }
        // In a resource policy "Resource": "*" means the resource the policy is attached to.
        boolean everyResource = policyType == PolicyType.IDENTITY && statement.resource() != null
                && statement.resource().values().contains("*");
        for (ActionElement element : actions) {
            if (element.value().equals("*")) {
                continue;
            }
            List<String> credentials = matching(element, RiskyActions.CREDENTIALS_EXPOSURE);
            if (!credentials.isEmpty()) {
                add(everyResource ? FindingType.SECURITY_WARNING : FindingType.WARNING, "CREDENTIALS_EXPOSURE", element.path(),
                        "The action \"" + element.value() + "\" returns credentials, keys or passwords (" + String.join(", ", credentials)
                                + ")" + (everyResource ? " for every resource." : "."),
                        "Allow it only for the specific resources that need it, and monitor its use in CloudTrail.");
            }
            List<String> data = matching(element, RiskyActions.DATA_EXFILTRATION);
            if (!data.isEmpty() && everyResource) {
                add(FindingType.SECURITY_WARNING, "DATA_EXFILTRATION", element.path(),
                        "The action \"" + element.value() + "\" reads stored data or secrets (" + String.join(", ", data)
                                + ") from every resource, so the principal can copy out any of it.",
                        "Name the ARNs of the buckets, parameters, secrets or tables it needs.");
            }
        }
    }

    private static List<String> matching(ActionElement element, Set<String> risky) {
        return element.matches().stream()
                .filter(a -> risky.contains(a.fullName().toLowerCase(Locale.ROOT)))
                .map(IamAction::fullName)
                .limit(MAX_LISTED)
                .toList();
    }

    private void checkPrivilegeEscalation() {
        if (fullAdmin || policyType == PolicyType.TRUST) {
            return;
        }
        for (RiskyActions.EscalationPath escalation : RiskyActions.PRIVILEGE_ESCALATION) {
            if (grantedActions.keySet().containsAll(escalation.actions())) {
                String first = escalation.actions().stream().map(grantedActions::get).sorted().findFirst().orElse("$");
                String actionList = String.join(" + ", escalation.names());
                add(FindingType.SECURITY_WARNING, "PRIVILEGE_ESCALATION", first,
                        "The policy allows " + actionList + ", with which a principal " + escalation.capability() + ".",
                        "Remove these actions, or restrict them to specific resources and protect those with a permissions boundary.");
            }
        }
    }

    private static String names(List<ActionElement> actions) {
        return actions.stream().map(ActionElement::value).limit(MAX_LISTED).collect(Collectors.joining(", "));
    }

    private static String label(PolicyType type) {
        return switch (type) {
            case IDENTITY -> "identity policy";
            case RESOURCE -> "resource policy";
            case TRUST -> "trust policy";
        };
    }
}
