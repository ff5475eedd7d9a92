/** Effective mTLS rules: conflicts, plaintext, and TLS configuration that Istio ignores, all read from the TLS matrix. */
package dev.istiolint.rules.tls;
