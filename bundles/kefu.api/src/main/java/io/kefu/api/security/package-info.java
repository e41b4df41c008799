/**
 * Who is acting: roles, the authenticated user, and the audit log every change is written to.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.kefu.api.security;
