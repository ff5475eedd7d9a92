package dev.istiolint.core;

import java.util.Objects;

/**
 * A problem with the invocation rather than the manifests: a bad option, an unreadable configuration file, an output
 * that cannot be written. The message is one user-ready sentence.
 */
public final class LintException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong: the caller's request ({@code USAGE}) or the file system ({@code IO}). */
  public enum Kind {
    USAGE,
    IO
  }

  private final Kind kind;

  public LintException(Kind kind, String message) {
    this(kind, message, null);
  }

  public LintException(Kind kind, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Kind kind() {
    return kind;
  }
}
