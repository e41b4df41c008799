package io.kefu.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kefu.web.ApiException;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {
    record Login(String username, String password) {
    }

    private static Throwable parse(String json) {
        return catchThrowable(() -> JsonProvider.mapper().readValue(json, Login.class));
    }

    @Test
    void apiExceptionsKeepTheirStatusCodeAndMessage() {
        var described = ErrorMapper.describe(ApiException.conflict("user.exists", "a user named li.na exists"));
        assertThat(described).isEqualTo(new ErrorMapper.Described(409, "user.exists", "a user named li.na exists"));
    }

    @Test
    void unknownFieldsAreNamed() {
        var described = ErrorMapper.describe(parse("{\"username\":\"a\",\"pasword\":\"b\"}"));
        assertThat(described.status()).isEqualTo(400);
        assertThat(described.code()).isEqualTo("request.unknown_field");
        assertThat(described.message()).contains("'pasword'").contains("password");
    }

    @Test
    void malformedJsonSaysWhere() {
        var described = ErrorMapper.describe(parse("{\"username\": \"a\",,}"));
        assertThat(described.status()).isEqualTo(400);
        assertThat(described.code()).isEqualTo("request.malformed_json");
        assertThat(described.message()).contains("line 1");
    }

    @Test
    void unexpectedFailuresRevealNothingButAnIncidentId() {
        var described = ErrorMapper.describe(new IllegalStateException("jdbc:mysql://secret-host password=hunter2"));
        assertThat(described.status()).isEqualTo(500);
        assertThat(described.message()).doesNotContain("secret-host").doesNotContain("hunter2").contains("incident");
    }

    @Test
    void anApiErrorMustBeAnError() {
        assertThat(catchThrowable(() -> new ApiException(200, "ok", "not an error")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
