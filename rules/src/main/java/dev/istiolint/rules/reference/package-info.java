/** REF rules: names that must point at something that exists, or selectors that must select something. */
package dev.istiolint.rules.reference;
