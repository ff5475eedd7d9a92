package dev.istiolint.core.internal.decode;

import dev.istiolint.core.internal.yaml.YMap;
import dev.istiolint.core.internal.yaml.YNode;
import dev.istiolint.core.internal.yaml.YScalar;
import dev.istiolint.core.model.LabelSelector;
import dev.istiolint.core.model.Located;
import dev.istiolint.core.model.PolicyTargetReference;
import dev.istiolint.core.model.Port;
import dev.istiolint.core.model.PortSelector;
import dev.istiolint.core.model.ServerTLSSettings;
import dev.istiolint.core.model.ServerTlsMode;
import dev.istiolint.core.model.WorkloadEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decoders for the message types several kinds share: selectors, ports, server TLS, target refs, workload entries. */
final class CommonDecoders {

  private final NodeReader r;

  CommonDecoders(NodeReader reader) {
    this.r = reader;
  }

  /** An Istio {@code WorkloadSelector} or a Kubernetes {@code LabelSelector} under {@code key}. */
  Optional<LabelSelector> selector(YMap m, String key) {
    return r.map(m, key).map(this::selector);
  }

  /**
   * Istio's networking {@code WorkloadSelector} (ServiceEntry, Sidecar, EnvoyFilter) under {@code key}: its
   * {@code labels} become {@link LabelSelector#matchLabels()}.
   */
  Optional<LabelSelector> networkingSelector(YMap m, String key) {
    return r.map(m, key).map(sel -> new LabelSelector(r.stringMap(sel, "labels"), List.of(), r.span(sel)));
  }

  LabelSelector selector(YMap sel) {
    List<LabelSelector.Expression> exprs = new ArrayList<>();
    for (YMap x : r.maps(sel, "matchExpressions")) {
      Optional<Located<String>> key = r.str(x, "key");
      Optional<Located<String>> op = r.str(x, "operator");
      if (key.isPresent() && op.isPresent()) {
        exprs.add(new LabelSelector.Expression(key.get(), op.get(), r.strings(x, "values")));
      }
    }
    return new LabelSelector(r.stringMap(sel, "matchLabels"), exprs, r.span(sel));
  }

  Port port(YMap p) {
    return new Port(
        r.integer(p, "number"), r.str(p, "protocol"), r.str(p, "name"), r.integer(p, "targetPort"), r.span(p));
  }

  Optional<Port> port(YMap m, String key) {
    return r.map(m, key).map(this::port);
  }

  PortSelector portSelector(YMap p) {
    return new PortSelector(r.integer(p, "number"), r.str(p, "name"), r.span(p));
  }

  Optional<ServerTLSSettings> serverTls(YMap m, String key) {
    return r.map(m, key)
        .map(
            t ->
                new ServerTLSSettings(
                    r.enumOf(t, "mode", ServerTlsMode.values(), ServerTlsMode.UNSET, r.span(t)),
                    r.bool(t, "httpsRedirect"),
                    r.str(t, "credentialName"),
                    r.str(t, "serverCertificate"),
                    r.str(t, "privateKey"),
                    r.str(t, "caCertificates"),
                    r.strings(t, "subjectAltNames"),
                    r.span(t)));
  }

  /** {@code targetRef} (single) and {@code targetRefs} (list), in that order. */
  List<PolicyTargetReference> targetRefs(YMap spec) {
    List<PolicyTargetReference> out = new ArrayList<>();
    r.map(spec, "targetRef").ifPresent(t -> out.add(targetRef(t)));
    for (YMap t : r.maps(spec, "targetRefs")) {
      out.add(targetRef(t));
    }
    return out;
  }

  private PolicyTargetReference targetRef(YMap t) {
    return new PolicyTargetReference(
        r.str(t, "group"), r.str(t, "kind"), r.str(t, "name"), r.str(t, "namespace"), r.span(t));
  }

  WorkloadEntry.Spec workloadEntry(YMap w) {
    Map<String, Located<Integer>> ports = new LinkedHashMap<>();
    r.map(w, "ports")
        .ifPresent(
            pm -> {
              for (YMap.Entry e : pm.entries()) {
                YNode v = e.value();
                if (v instanceof YScalar s && !s.isNull()) {
                  NodeReader.parseInt(s.value())
                      .ifPresent(i -> ports.putIfAbsent(e.key().value(), Located.of(i, r.span(s))));
                }
              }
            });
    return new WorkloadEntry.Spec(
        r.str(w, "address"),
        ports,
        r.stringMap(w, "labels"),
        r.str(w, "network"),
        r.str(w, "locality"),
        r.integer(w, "weight"),
        r.str(w, "serviceAccount"),
        r.span(w));
  }
}
