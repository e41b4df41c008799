/**
 * The plug-in SPI. A vendor bundle registers these as OSGi services (the whiteboard pattern) and Kefu picks them
 * up while running; unregistering removes them again. Every type here is implemented by plug-ins, hence {@code @ConsumerType}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package io.kefu.api.spi;
