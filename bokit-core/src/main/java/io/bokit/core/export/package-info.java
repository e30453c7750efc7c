/**
 * Internal: writes the iCalendar body of an export (a small hand-written RFC 5545 writer, no ical4j model).
 * Not an API; use {@link io.bokit.core.port.in.ExportUseCase}.
 */
package io.bokit.core.export;
