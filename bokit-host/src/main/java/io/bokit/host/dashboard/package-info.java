/**
 * The operator's page ({@code bokit.dashboard.*}): {@code Dashboard} renders it and runs its actions, a {@code
 * DashboardGuard} decides who may see it; adapters only carry requests in and answers out.
 */
package io.bokit.host.dashboard;
