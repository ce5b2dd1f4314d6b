package io.github.securepulumi.core.preview;

/** Raised by {@link PreviewResult#graphOrThrow()} when the previewed program failed. */
public final class PreviewFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the program's failure, or {@code null} when only errors were logged. */
    public PreviewFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
