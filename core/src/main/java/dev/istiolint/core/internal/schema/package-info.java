/**
 * Schema and field validation, run on each document tree before decoding.
 *
 * <p>{@link dev.istiolint.core.internal.schema.SchemaValidator} is the one adapter over the networknt JSON Schema
 * validator; its types stay inside this package. Per document it:
 *
 * <ol>
 *   <li>converts the YAML node tree to a Jackson tree (YAML 1.2 core schema typing, merge keys applied, null members
 *       pruned as the API server does), collecting on the way only the few nodes later checks need (non-finite
 *       numbers, YAML 1.1 booleans, members the deprecation and duration tables name); where a JSON pointer was
 *       written is found on demand by {@code NodeLocator}, only for pointers a finding needs;
 *   <li>validates against the hand-written schemas in {@code src/main/resources/schemas} (one per API area, shared
 *       {@code $defs}; identifiers under {@code https://schemas.istio-lint.invalid/}, served from the classpath only);
 *   <li>turns each error into a finding at the offending key or value (nearest ancestor as fallback), with hints:
 *       "did you mean", allowed values, the value shown;
 *   <li>adds the checks the schema cannot express: Istio's own validation ({@code SemanticChecks} and one table of
 *       checks per API area), deprecated fields and API versions ({@code Deprecations}, {@code ApiVersions}) and YAML
 *       1.1 booleans ({@code Yaml11Values}).
 * </ol>
 *
 * Findings that depend on the Istio version are returned as {@link
 * dev.istiolint.core.internal.schema.VersionedDiagnostic}s; the run keeps those that apply once it has chosen the
 * version. {@code CrdConformanceTest} keeps the schemas in step with Istio's CRDs.
 */
package dev.istiolint.core.internal.schema;
