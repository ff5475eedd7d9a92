/**
 * SCHEMA1xx rules: resource metadata and control-plane wiring that a schema cannot express (annotations, injection
 * labels, deprecated fields, webhooks, CRD versions). SCHEMA0xx ids belong to core's schema validator.
 */
package dev.istiolint.rules.config;
