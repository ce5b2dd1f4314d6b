package io.github.securepulumi.security.iam;

import com.pulumi.core.Output;
import io.github.securepulumi.core.aws.Arn;
import io.github.securepulumi.core.optout.Justification;
import io.github.securepulumi.security.iam.catalog.AccessLevel;
import io.github.securepulumi.security.iam.catalog.ArnPattern;
import io.github.securepulumi.security.iam.catalog.IamAction;
import io.github.securepulumi.security.iam.catalog.IamCatalog;
import io.github.securepulumi.security.iam.catalog.IamResourceType;
import io.github.securepulumi.security.iam.catalog.IamService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement of a {@link LeastPrivilegePolicyBuilder}: what to allow or deny, on which
 * resources, for which principals and under which conditions.
 *
 * <p>Methods record what they receive and throw only for {@code null} arguments. The builder checks
 * every statement together when {@link LeastPrivilegePolicyBuilder#build()} runs, so one run reports
 * every mistake. Values given as {@code Output} are checked when they resolve, inside {@code apply}.
 */
public final class StatementBuilder {

    /** A condition operator and key, the unit under which values are merged. */
    record ConditionSlot(String operator, String key) {
    }

    private final LeastPrivilegePolicyBuilder policy;
    private final IamCatalog catalog;
    final String sid;
    final boolean allow;
    final List<String> actions = new ArrayList<>();
    final List<String> notActions = new ArrayList<>();
    final List<PolicyText> resources = new ArrayList<>();
    final List<String> notResources = new ArrayList<>();
    final List<PolicyText> servicePrincipals = new ArrayList<>();
    final List<PolicyText> awsPrincipals = new ArrayList<>();
    final List<PolicyText> federatedPrincipals = new ArrayList<>();
    boolean anyPrincipal;
    final Map<ConditionSlot, List<PolicyText>> conditions = new LinkedHashMap<>();
    Justification wildcardJustification;
    final List<String> problems = new ArrayList<>();

    StatementBuilder(LeastPrivilegePolicyBuilder policy, IamCatalog catalog, String sid, boolean allow) {
        this.policy = policy;
        this.catalog = catalog;
        this.sid = sid;
        this.allow = allow;
    }

    IamCatalog catalog() {
        return catalog;
    }

    /** Adds actions in policy form, for example {@code logs:PutLogEvents}. */
    public StatementBuilder actions(String... names) {
        for (String name : names) {
            actions.add(Objects.requireNonNull(name, "action"));
        }
        return this;
    }

    /**
     * Adds {@code NotAction} entries. Only a {@code Deny} statement may use them: an {@code Allow}
     * with {@code NotAction} grants every other action, including ones AWS adds later.
     */
    public StatementBuilder notActions(String... names) {
        for (String name : names) {
            notActions.add(Objects.requireNonNull(name, "notAction"));
        }
        return this;
    }

    /** Adds resource ARNs known now, for example {@code arn:aws:s3:::logs-bucket/*}. */
    public StatementBuilder resources(String... arns) {
        for (String arn : arns) {
            resources.add(new PolicyText.Plain(Objects.requireNonNull(arn, "resource")));
        }
        return this;
    }

    /**
     * Adds resource ARNs that are Pulumi outputs, such as a bucket's {@code arn()}. They are checked
     * against the catalog once they resolve, inside {@code apply}; an invalid one fails the built
     * document's {@code Output} with the same message a plain value gets at {@code build()}.
     */
    @SafeVarargs
    public final StatementBuilder resources(Output<String>... arns) {
        for (Output<String> arn : arns) {
            resources.add(policy.defer(Objects.requireNonNull(arn, "resource")));
        }
        return this;
    }

    /** Adds resource ARNs that are Pulumi outputs; see {@link #resources(Output[])}. */
    public StatementBuilder resources(List<Output<String>> arns) {
        for (Output<String> arn : arns) {
            resources.add(policy.defer(Objects.requireNonNull(arn, "resource")));
        }
        return this;
    }

    /** Adds {@code NotResource} entries; only a {@code Deny} statement may use them. */
    public StatementBuilder notResources(String... arns) {
        for (String arn : arns) {
            notResources.add(Objects.requireNonNull(arn, "notResource"));
        }
        return this;
    }

    /** Adds a service principal, for example {@code cloudtrail.amazonaws.com}. */
    public StatementBuilder servicePrincipal(String service) {
        servicePrincipals.add(new PolicyText.Plain(Objects.requireNonNull(service, "servicePrincipal")));
        return this;
    }

    /** Adds a service principal computed from outputs, for example {@code logs.REGION.amazonaws.com}. */
    public StatementBuilder servicePrincipal(Output<String> service) {
        servicePrincipals.add(policy.defer(Objects.requireNonNull(service, "servicePrincipal")));
        return this;
    }

    /** Adds an AWS principal: an account root, user or role ARN, or a 12-digit account id. */
    public StatementBuilder awsPrincipal(String arn) {
        awsPrincipals.add(new PolicyText.Plain(Objects.requireNonNull(arn, "awsPrincipal")));
        return this;
    }

    /** Adds an AWS principal that is a Pulumi output, such as a role's {@code arn()}. */
    public StatementBuilder awsPrincipal(Output<String> arn) {
        awsPrincipals.add(policy.defer(Objects.requireNonNull(arn, "awsPrincipal")));
        return this;
    }

    /**
     * Adds a federated principal for a trust policy: the ARN of an IAM OIDC or SAML provider, such as
     * {@code arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com}, or a web
     * identity provider such as {@code cognito-identity.amazonaws.com}.
     */
    public StatementBuilder federatedPrincipal(String provider) {
        federatedPrincipals.add(new PolicyText.Plain(Objects.requireNonNull(provider, "federatedPrincipal")));
        return this;
    }

    /** Adds a federated principal that is a Pulumi output, such as an OIDC provider's {@code arn()}. */
    public StatementBuilder federatedPrincipal(Output<String> provider) {
        federatedPrincipals.add(policy.defer(Objects.requireNonNull(provider, "federatedPrincipal")));
        return this;
    }

    /**
     * Sets the principal to {@code "*"}. Sensible only in a resource policy, and in an {@code Allow}
     * only with a condition that narrows it (an unconditioned {@code Allow} to everyone is rejected).
     */
    public StatementBuilder anyPrincipal() {
        anyPrincipal = true;
        return this;
    }

    /**
     * Adds a condition, for example {@code condition("StringEquals", "aws:SourceAccount", "123456789012")}.
     * Values for the same operator and key are merged into one list.
     */
    public StatementBuilder condition(String operator, String key, String... values) {
        List<PolicyText> slot = slot(operator, key);
        for (String value : values) {
            slot.add(new PolicyText.Plain(Objects.requireNonNull(value, "condition value")));
        }
        if (values.length == 0) {
            problems.add("condition " + operator + " on \"" + key + "\" has no value; give at least one.");
        }
        return this;
    }

    /** Adds a condition whose value is a Pulumi output, such as a trail's ARN for {@code aws:SourceArn}. */
    public StatementBuilder condition(String operator, String key, Output<String> value) {
        slot(operator, key).add(policy.defer(Objects.requireNonNull(value, "condition value")));
        return this;
    }

    private List<PolicyText> slot(String operator, String key) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        return conditions.computeIfAbsent(new ConditionSlot(operator, key), k -> new ArrayList<>());
    }

    /**
     * Lets this {@code Allow} statement use action wildcards such as {@code s3:Get*}. Every action
     * the pattern matches today is granted, and so is every matching action AWS adds later. The
     * justification states why that is acceptable, for review.
     */
    public StatementBuilder allowWildcardActions(Justification justification) {
        this.wildcardJustification = Objects.requireNonNull(justification, "justification");
        String problem = justification.problem();
        if (problem != null) {
            problems.add("allowWildcardActions justification is \"" + justification.text() + "\", but " + problem);
        }
        return this;
    }

    /** Adds the catalog's {@code Read} actions of a service that apply to the ARN, and the ARN. */
    public StatementBuilder read(String service, String arn) {
        return accessLevel(AccessLevel.READ, service, arn);
    }

    /** Adds the catalog's {@code Write} actions of a service that apply to the ARN, and the ARN. */
    public StatementBuilder write(String service, String arn) {
        return accessLevel(AccessLevel.WRITE, service, arn);
    }

    /** Adds the catalog's {@code List} actions of a service that apply to the ARN, and the ARN. */
    public StatementBuilder list(String service, String arn) {
        return accessLevel(AccessLevel.LIST, service, arn);
    }

    /** Adds the catalog's {@code Tagging} actions of a service that apply to the ARN, and the ARN. */
    public StatementBuilder tagging(String service, String arn) {
        return accessLevel(AccessLevel.TAGGING, service, arn);
    }

    /** Adds the catalog's {@code Permissions management} actions of a service that apply to the ARN, and the ARN. */
    public StatementBuilder permissionsManagement(String service, String arn) {
        return accessLevel(AccessLevel.PERMISSIONS_MANAGEMENT, service, arn);
    }

    /**
     * Adds the catalog's actions of one access level that apply to a resource type, and the ARN of
     * a resource of that type that is a Pulumi output. The actions are chosen by the type name,
     * for example {@code object} for S3, because the ARN is unknown until it resolves.
     */
    public StatementBuilder accessLevel(AccessLevel level, String service, String resourceType, Output<String> arn) {
        Optional<IamService> found = findService(service);
        if (found.isEmpty()) {
            return this;
        }
        Optional<IamResourceType> type = found.get().resourceType(resourceType);
        if (type.isEmpty()) {
            problems.add(level.label() + " helper resource type is \"" + resourceType + "\", but " + service
                    + " has no such resource type; use one of " + found.get().resourceTypes().stream().map(IamResourceType::name).toList() + ".");
            return this;
        }
        List<String> names = found.get().actions().stream()
                .filter(action -> action.accessLevel() == level && action.resourceTypes().contains(type.get()))
                .map(IamAction::fullName)
                .toList();
        addExpansion(level, service, resourceType, names);
        resources.add(policy.defer(Objects.requireNonNull(arn, "arn")));
        return this;
    }

    /** Adds the catalog's actions of one access level of a service that apply to the ARN, and the ARN. */
    public StatementBuilder accessLevel(AccessLevel level, String service, String arn) {
        Objects.requireNonNull(arn, "arn");
        Optional<IamService> found = findService(service);
        if (found.isEmpty()) {
            return this;
        }
        Optional<ArnPattern> pattern = ArnPattern.parse(arn);
        if (pattern.isEmpty() || Arn.parse(arn.replace("*", "x")).isEmpty()) {
            problems.add(level.label() + " helper ARN is \"" + arn + "\", but that is not an ARN; "
                    + "give the full ARN, for example arn:aws:s3:::bucket/*.");
            return this;
        }
        List<String> names = found.get().actions().stream()
                .filter(action -> action.accessLevel() == level && action.appliesTo(pattern.get()))
                .map(IamAction::fullName)
                .toList();
        addExpansion(level, service, arn, names);
        resources.add(new PolicyText.Plain(arn));
        return this;
    }

    private void addExpansion(AccessLevel level, String service, String target, List<String> names) {
        if (names.isEmpty()) {
            problems.add(level.label() + " helper found no " + level.label() + " actions of " + service + " for \"" + target
                    + "\"; check the service and the ARN, or list the actions with actions(...).");
        }
        actions.addAll(names);
    }

    private Optional<IamService> findService(String service) {
        Objects.requireNonNull(service, "service");
        Optional<IamService> found = catalog.service(service);
        if (found.isEmpty()) {
            problems.add("access-level helper service is \"" + service + "\", but that is not an AWS service prefix"
                    + catalog.suggestService(service).map(s -> "; did you mean \"" + s + "\"?").orElse("; use a prefix such as s3 or kms."));
        }
        return found;
    }
}
