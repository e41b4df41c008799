/**
 * What a bundle needs to add REST endpoints to Kefu's API at {@code /api}: register a Jakarta REST resource
 * component selecting {@link io.kefu.web.KefuRest#APPLICATION}, declare who may call each method
 * ({@link jakarta.annotation.security.RolesAllowed}, {@link io.kefu.web.Authenticated} or
 * {@link jakarta.annotation.security.PermitAll}), and throw {@link io.kefu.web.ApiException} for refusals.
 * Methods that declare none of these are refused to everyone.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kefu.web;
