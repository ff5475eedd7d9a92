package dev.istiolint.core.rule;

import dev.istiolint.core.diag.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The metadata of a {@link LintRule}, on the rule's class. The rule's documentation derives from it. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

  /** Stable id such as {@code TLS001}: a prefix from a closed set and three digits. Never reused. */
  String id();

  /** Kebab-case name that describes the problem, for example {@code tls-mode-conflict}. */
  String name();

  /** Default severity; users may override it. */
  Severity severity();

  /** One line, no trailing period, no markdown. */
  String summary();

  /** The {@code istioctl analyze} message code when the rule reports the same problem, else empty. */
  String istioCode() default "";

  /** The kinds the rule reads, for documentation and to skip work. */
  String[] kinds() default {};
}
