/** Micronaut 4 integration of bokit: after-response sync, DataSource wiring, management. */
package io.bokit.micronaut;
