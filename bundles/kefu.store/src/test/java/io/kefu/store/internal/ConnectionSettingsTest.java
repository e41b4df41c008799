package io.kefu.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.store.DatabaseKind;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    @Test
    void recognisesBothDatabases() {
        assertThat(ConnectionSettings.of(ConnectionSettings.DEFAULT_URL, "sa", "").kind()).isEqualTo(DatabaseKind.H2);
        assertThat(ConnectionSettings.of("jdbc:mysql://db:3306/kefu", "kefu", "x").kind()).isEqualTo(DatabaseKind.MYSQL);
    }

    @Test
    void refusesOtherDatabasesWithTheUrlInTheMessage() {
        assertThatThrownBy(() -> ConnectionSettings.of("jdbc:postgresql://db/kefu", "u", "p"))
                .hasMessageContaining("jdbc:postgresql://db/kefu");
    }

    @Test
    void refusesPoolSizesOutOfRange() {
        assertThatThrownBy(() -> new ConnectionSettings(ConnectionSettings.DEFAULT_URL, "sa", "", 0, 1000))
                .hasMessageContaining("maximumPoolSize");
    }

    @Test
    void hidesPasswordsInUrls() {
        var settings = ConnectionSettings.of("jdbc:mysql://db/kefu?user=k&password=s3cret", "k", "");
        assertThat(settings.redactedUrl()).doesNotContain("s3cret").contains("password=***");
    }
}
