package io.github.securepulumi.security.analysis;

/**
 * The severity of a finding. The four levels mirror the finding types of AWS IAM Access Analyzer's
 * policy validation.
 */
public enum FindingType {
    /** The policy is invalid or does not do what it states: AWS rejects it, or a part of it never applies. */
    ERROR,
    /** The policy grants more than it should, or grants access that lets a principal escalate or leak. */
    SECURITY_WARNING,
    /** The policy works but is unusual or fragile. */
    WARNING,
    /** The policy works; this would make it shorter or clearer. */
    SUGGESTION
}
