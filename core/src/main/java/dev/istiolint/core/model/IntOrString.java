package dev.istiolint.core.model;

import java.util.Objects;
import java.util.Optional;

/** Kubernetes {@code IntOrString}: a port number or a port name (for example a Service {@code targetPort}). */
public record IntOrString(boolean isInt, int intValue, String stringValue) {

  public IntOrString {
    Objects.requireNonNull(stringValue, "stringValue");
  }

  public static IntOrString of(int value) {
    return new IntOrString(true, value, "");
  }

  public static IntOrString of(String name) {
    return new IntOrString(false, 0, name);
  }

  public Optional<Integer> asInt() {
    return isInt ? Optional.of(intValue) : Optional.empty();
  }

  public Optional<String> asString() {
    return isInt ? Optional.empty() : Optional.of(stringValue);
  }

  @Override
  public String toString() {
    return isInt ? Integer.toString(intValue) : stringValue;
  }
}
