/**
 * Views the rules share, built from the mesh snapshot on demand: the service registry as a VirtualService sees it,
 * gateway references, port protocols. Not API.
 */
package dev.istiolint.rules.internal;
