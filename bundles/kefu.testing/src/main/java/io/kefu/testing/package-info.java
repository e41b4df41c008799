/** What Kefu's tests, and vendors' tests of their plug-ins, use to run against real databases. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.kefu.testing;
