/** AUTHZ rules: request authentication and authorization (AuthorizationPolicy, RequestAuthentication). */
package dev.istiolint.rules.authz;
