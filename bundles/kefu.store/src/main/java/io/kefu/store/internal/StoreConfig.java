package io.kefu.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code kefu.store}, edited in {@code conf/kefu.store.cfg}. */
@ObjectClassDefinition(name = "Kefu database",
        description = "Where Kefu keeps its data. The default is an embedded H2 file under data/.")
@interface StoreConfig {
    @AttributeDefinition(description = "JDBC URL: jdbc:h2:file:./data/kefu;... (embedded) or "
            + "jdbc:mysql://host:3306/database (MySQL 8+ or MariaDB 10.6+). Takes effect at the next start.")
    String url() default ConnectionSettings.DEFAULT_URL;

    @AttributeDefinition(description = "Database user. Takes effect at the next start.")
    String user() default "sa";

    /**
     * Key {@code .password}: the leading dot keeps it private, so Declarative Services does not copy it into the
     * Store service's properties, where every bundle (and the shell) could read it.
     */
    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Database password (key .password). Takes effect at the next start.")
    String _password() default "";

    @AttributeDefinition(description = "Most connections the pool opens; applied while running.", min = "1", max = "200")
    String maximumPoolSize() default "32";

    @AttributeDefinition(description = "How long a caller waits for a free connection, in milliseconds; applied while running.",
            min = "250")
    String connectionTimeoutMillis() default "10000";
}
