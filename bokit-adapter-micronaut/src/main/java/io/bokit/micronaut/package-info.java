/** Micronaut 4 glue over bokit-host: properties mapped to BokitSettings, the after-response filter, management, health, metrics. */
package io.bokit.micronaut;
