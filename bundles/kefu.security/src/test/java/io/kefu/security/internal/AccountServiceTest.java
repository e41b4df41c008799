package io.kefu.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Role;
import io.kefu.store.internal.PooledStore;
import io.kefu.testing.ScratchDatabase;
import io.kefu.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccountServiceTest {
    @TempDir
    Path home;

    /** A clock the test moves by hand, so session expiry is tested without sleeping. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-21T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();

    private SecuritySettings settings() {
        // bcrypt cost 10: the lowest the policy accepts, to keep tests quick.
        return new SecuritySettings(Duration.ofMinutes(30), Duration.ofHours(8), 3, Duration.ofMinutes(15), 10,
                home.resolve("data/initial-admin-password"));
    }

    private record Fixture(ScratchDatabase scratch, PooledStore store, DatabaseAuditLog audit, AccountService accounts)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            store.close();
            scratch.close();
        }
    }

    private Fixture start(TestDatabase database) {
        ScratchDatabase scratch = database.create();
        PooledStore store = PooledStore.open(scratch.url(), scratch.user(), scratch.password());
        DatabaseAuditLog audit = new DatabaseAuditLog(store, clock);
        return new Fixture(scratch, store, audit, new AccountService(store, audit, settings(), clock));
    }

    private String initialPassword() throws Exception {
        String text = Files.readString(home.resolve("data/initial-admin-password"));
        return text.lines().filter(l -> l.startsWith("password: ")).findFirst().orElseThrow().substring(10);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void firstStartCreatesAnAdminWhosePasswordOnlyTheOwnerCanRead(TestDatabase database) throws Exception {
        try (Fixture f = start(database)) {
            Path file = home.resolve("data/initial-admin-password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            var outcome = f.accounts().login("admin", initialPassword(), "127.0.0.1");
            assertThat(outcome).isInstanceOf(LoginOutcome.Success.class);
            var success = (LoginOutcome.Success) outcome;
            assertThat(success.user().roles()).containsExactly(Role.ADMIN);
            assertThat(success.mustChangePassword()).isTrue();

            f.accounts().changePassword(success.user(), initialPassword(), "a-new-secret-42");
            assertThat(file).doesNotExist();
            assertThat(f.accounts().mustChangePassword(success.user().id())).isFalse();
            // A second start on the same database creates no second admin.
            new AccountService(f.store(), f.audit(), settings(), clock);
            assertThat(f.accounts().userCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void wrongUsernameAndWrongPasswordLookTheSame(TestDatabase database) throws Exception {
        try (Fixture f = start(database)) {
            assertThat(f.accounts().login("admin", "not-the-password", "10.0.0.1")).isEqualTo(new LoginOutcome.Failure());
            assertThat(f.accounts().login("nobody", "not-the-password", "10.0.0.2")).isEqualTo(new LoginOutcome.Failure());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void repeatedFailuresAreThrottledEvenWithTheRightPassword(TestDatabase database) throws Exception {
        try (Fixture f = start(database)) {
            for (int i = 0; i < 3; i++) {
                f.accounts().login("admin", "guess-" + i, "10.0.0.9");
            }
            var outcome = f.accounts().login("admin", initialPassword(), "10.0.0.9");
            assertThat(outcome).isInstanceOf(LoginOutcome.Throttled.class);
            assertThat(((LoginOutcome.Throttled) outcome).retryAfter()).isPositive();
            clock.now = clock.now.plus(Duration.ofMinutes(16));
            assertThat(f.accounts().login("admin", initialPassword(), "10.0.0.9")).isInstanceOf(LoginOutcome.Success.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sessionsResolveUntilIdleTimeoutOrLogout(TestDatabase database) throws Exception {
        try (Fixture f = start(database)) {
            var success = (LoginOutcome.Success) f.accounts().login("admin", initialPassword(), "127.0.0.1");
            assertThat(f.accounts().resolve(success.token())).map(KefuUser::username).contains("admin");
            assertThat(f.accounts().resolve(success.token() + "x")).isEmpty();

            clock.now = clock.now.plus(Duration.ofMinutes(20));
            assertThat(f.accounts().resolve(success.token())).isPresent(); // activity extends the idle window
            clock.now = clock.now.plus(Duration.ofMinutes(20));
            assertThat(f.accounts().resolve(success.token())).isPresent();
            clock.now = clock.now.plus(Duration.ofMinutes(31));
            assertThat(f.accounts().resolve(success.token())).isEmpty();

            var again = (LoginOutcome.Success) f.accounts().login("admin", initialPassword(), "127.0.0.1");
            f.accounts().logout(again.token(), again.user());
            assertThat(f.accounts().resolve(again.token())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void adminsManageUsersAndEveryChangeIsAudited(TestDatabase database) throws Exception {
        try (Fixture f = start(database)) {
            KefuUser admin = ((LoginOutcome.Success) f.accounts().login("admin", initialPassword(), "127.0.0.1")).user();
            var created = f.accounts().createUser("admin", "Li.Na", "李娜", EnumSet.of(Role.AGENT), null);
            assertThat(created.user().username()).isEqualTo("li.na");
            assertThat(created.generatedPassword()).hasSizeGreaterThanOrEqualTo(PasswordPolicy.MIN_LENGTH);
            assertThat(f.accounts().login("li.na", created.generatedPassword(), "127.0.0.1"))
                    .isInstanceOf(LoginOutcome.Success.class);

            assertThatThrownBy(() -> f.accounts().createUser("admin", "li.na", "x", EnumSet.of(Role.AGENT), null))
                    .isInstanceOf(UserAccountException.class).hasMessageContaining("exists");
            assertThatThrownBy(() -> f.accounts().createUser("admin", "x y", "x", EnumSet.of(Role.AGENT), null))
                    .hasMessageContaining("username");
            assertThatThrownBy(() -> f.accounts().createUser("admin", "wang", "x", EnumSet.of(Role.AGENT), "short"))
                    .hasMessageContaining("at least");

            f.accounts().updateUser(admin, created.user().id(), "李娜", EnumSet.of(Role.AGENT, Role.SUPERVISOR), false);
            assertThat(f.accounts().login("li.na", created.generatedPassword(), "127.0.0.1"))
                    .isEqualTo(new LoginOutcome.Failure());
            assertThatThrownBy(() -> f.accounts().updateUser(admin, admin.id(), null, Set.of(Role.AGENT), true))
                    .hasMessageContaining("your own admin role");

            assertThat(f.audit().recent(0, 50)).extracting(e -> e.action())
                    .contains("user.create", "user.update", "auth.login");
            assertThat(f.audit().recent(0, 50).get(0).actor()).isEqualTo("admin");
        }
    }
}
