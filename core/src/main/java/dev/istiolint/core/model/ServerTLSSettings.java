package dev.istiolint.core.model;

import dev.istiolint.core.source.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Istio's {@code ServerTLSSettings} (Gateway {@code servers[].tls}, Sidecar {@code ingress[].tls}). */
public record ServerTLSSettings(
    Located<ServerTlsMode> mode,
    Optional<Located<Boolean>> httpsRedirect,
    Optional<Located<String>> credentialName,
    Optional<Located<String>> serverCertificate,
    Optional<Located<String>> privateKey,
    Optional<Located<String>> caCertificates,
    List<Located<String>> subjectAltNames,
    SourceSpan span) {

  public ServerTLSSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(httpsRedirect, "httpsRedirect");
    Objects.requireNonNull(credentialName, "credentialName");
    Objects.requireNonNull(serverCertificate, "serverCertificate");
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(caCertificates, "caCertificates");
    subjectAltNames = List.copyOf(subjectAltNames);
    Objects.requireNonNull(span, "span");
  }
}
