package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code security.istio.io} AuthorizationPolicy. {@code action} is {@code UNSET} when absent (Istio then means ALLOW)
 * or unknown. Policy rules are the nested {@link Rule} record (not to be confused with lint rules).
 */
public record AuthorizationPolicy(
    ResourceRef ref,
    ObjectMeta metadata,
    SourceSpan span,
    Optional<LabelSelector> selector,
    List<PolicyTargetReference> targetRefs,
    Located<Action> action,
    Optional<Located<String>> provider,
    List<Rule> rules,
    boolean rulesWritten)
    implements IstioResource {

  public AuthorizationPolicy {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(selector, "selector");
    targetRefs = List.copyOf(targetRefs);
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(provider, "provider");
    rules = List.copyOf(rules);
  }

  /** The action Istio applies: ALLOW when not written. */
  public Action effectiveAction() {
    return action.value() == Action.UNSET ? Action.ALLOW : action.value();
  }

  /** {@code AuthorizationPolicy.Action}. */
  public enum Action {
    UNSET,
    ALLOW,
    DENY,
    AUDIT,
    CUSTOM
  }

  /** A policy rule: {@code from}, {@code to}, {@code when}. */
  public record Rule(List<Source> from, List<Operation> to, List<Condition> when, SourceSpan span) {
    public Rule {
      from = List.copyOf(from);
      to = List.copyOf(to);
      when = List.copyOf(when);
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code Source} (one {@code from[].source}). */
  public record Source(
      List<Located<String>> principals,
      List<Located<String>> notPrincipals,
      List<Located<String>> requestPrincipals,
      List<Located<String>> notRequestPrincipals,
      List<Located<String>> namespaces,
      List<Located<String>> notNamespaces,
      List<Located<String>> serviceAccounts,
      List<Located<String>> notServiceAccounts,
      List<Located<String>> ipBlocks,
      List<Located<String>> notIpBlocks,
      List<Located<String>> remoteIpBlocks,
      List<Located<String>> notRemoteIpBlocks,
      SourceSpan span) {
    public Source {
      principals = List.copyOf(principals);
      notPrincipals = List.copyOf(notPrincipals);
      requestPrincipals = List.copyOf(requestPrincipals);
      notRequestPrincipals = List.copyOf(notRequestPrincipals);
      namespaces = List.copyOf(namespaces);
      notNamespaces = List.copyOf(notNamespaces);
      serviceAccounts = List.copyOf(serviceAccounts);
      notServiceAccounts = List.copyOf(notServiceAccounts);
      ipBlocks = List.copyOf(ipBlocks);
      notIpBlocks = List.copyOf(notIpBlocks);
      remoteIpBlocks = List.copyOf(remoteIpBlocks);
      notRemoteIpBlocks = List.copyOf(notRemoteIpBlocks);
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code Operation} (one {@code to[].operation}). */
  public record Operation(
      List<Located<String>> hosts,
      List<Located<String>> notHosts,
      List<Located<String>> ports,
      List<Located<String>> notPorts,
      List<Located<String>> methods,
      List<Located<String>> notMethods,
      List<Located<String>> paths,
      List<Located<String>> notPaths,
      SourceSpan span) {
    public Operation {
      hosts = List.copyOf(hosts);
      notHosts = List.copyOf(notHosts);
      ports = List.copyOf(ports);
      notPorts = List.copyOf(notPorts);
      methods = List.copyOf(methods);
      notMethods = List.copyOf(notMethods);
      paths = List.copyOf(paths);
      notPaths = List.copyOf(notPaths);
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code Condition} (one {@code when[]}). */
  public record Condition(
      Located<String> key, List<Located<String>> values, List<Located<String>> notValues, SourceSpan span) {
    public Condition {
      Objects.requireNonNull(key, "key");
      values = List.copyOf(values);
      notValues = List.copyOf(notValues);
      Objects.requireNonNull(span, "span");
    }
  }
}
