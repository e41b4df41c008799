package io.kefu.security.internal;

import io.kefu.api.security.AuditLog;
import io.kefu.api.security.KefuUser;
import io.kefu.api.security.Role;
import io.kefu.api.security.Sessions;
import io.kefu.security.internal.UserAccountException.Kind;
import io.kefu.store.Schema;
import io.kefu.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User accounts, logins and sessions. Tokens are 256 random bits handed to the client once; the database keeps
 * only their SHA-256, and a session ends after {@code sessionIdle} without use or {@code sessionMax} after login.
 */
@Component(service = {AccountService.class, Sessions.class}, configurationPid = "kefu.security")
@Designate(ocd = SecurityConfig.class)
public final class AccountService implements Sessions {
    static final Schema SCHEMA = new Schema("security", AccountService.class);
    static final String FIRST_ADMIN = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    /** Sessions are written back at most this often, so that a busy client does not cost a write per request. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final SqlSessionFactory sessions;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final LoginThrottle throttle;
    private volatile SecuritySettings settings;
    private volatile PasswordHasher hasher;

    @Activate
    public AccountService(@Reference Store store, @Reference AuditLog audit, SecurityConfig config) {
        this(store, audit, checked(config), Clock.systemUTC());
    }

    /** Reports a bad configuration in Kefu's own log, where operators look, before the activation fails. */
    private static SecuritySettings checked(SecurityConfig config) {
        try {
            return SecuritySettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("The security configuration (conf/kefu.security.cfg) is not valid: {}", e.getMessage());
            throw e;
        }
    }

    AccountService(Store store, AuditLog audit, SecuritySettings settings, Clock clock) {
        store.migrate(SCHEMA);
        this.sessions = store.sessionFactory(UserMapper.class, SessionMapper.class);
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.hasher = new PasswordHasher(random, settings.bcryptCost());
        this.throttle = new LoginThrottle(clock, settings.maxFailedLogins(), settings.failureWindow());
        createFirstAdminIfNone();
        purgeExpiredSessions();
    }

    @Modified
    void modified(SecurityConfig config) {
        SecuritySettings next;
        try {
            next = SecuritySettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Ignoring the new kefu.security configuration and keeping the current one: {}", e.getMessage());
            return;
        }
        if (next.bcryptCost() != settings.bcryptCost()) {
            hasher = new PasswordHasher(random, next.bcryptCost());
        }
        throttle.configure(next.maxFailedLogins(), next.failureWindow());
        settings = next;
        LOG.info("Security settings applied: sessions idle {} min / max {} h, {} failed logins per {} min",
                next.sessionIdle().toMinutes(), next.sessionMax().toHours(), next.maxFailedLogins(),
                next.failureWindow().toMinutes());
    }

    // ---- login and sessions -------------------------------------------------------------------------------

    LoginOutcome login(String username, String password, String clientAddress) {
        String name = username == null ? "" : username.trim().toLowerCase();
        String secret = password == null ? "" : password;
        Duration wait = throttle.retryAfter(name, clientAddress);
        if (!wait.isZero()) {
            LOG.warn("Login throttled for user {} from {}", name, clientAddress);
            return new LoginOutcome.Throttled(wait);
        }
        UserRow user = read(s -> s.getMapper(UserMapper.class).byUsername(name));
        boolean ok = user != null ? hasher.matches(secret, user.passwordHash()) : hasher.matchesNothing(secret);
        if (!ok || !user.enabled()) {
            throttle.failed(name, clientAddress);
            LOG.info("Failed login for user {} from {}", name, clientAddress);
            return new LoginOutcome.Failure();
        }
        throttle.succeeded(name);
        String token = newToken();
        Instant now = clock.instant();
        execute(s -> s.getMapper(SessionMapper.class).insert(sha256(token), user.id(), now, expiry(now, now)));
        audit.record(user.username(), "auth.login", "user:" + user.username(), "from " + clientAddress);
        return new LoginOutcome.Success(token, user.toUser(), user.mustChangePassword());
    }

    void logout(String token, KefuUser user) {
        execute(s -> s.getMapper(SessionMapper.class).delete(sha256(token)));
        audit.record(user.username(), "auth.logout", "user:" + user.username(), "");
    }

    @Override
    public Optional<KefuUser> resolve(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Instant now = clock.instant();
        SessionMapper.SessionRow session = read(s -> s.getMapper(SessionMapper.class).byHash(hash));
        if (session == null || !session.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        UserRow user = read(s -> s.getMapper(UserMapper.class).byId(session.userId()));
        if (user == null || !user.enabled()) {
            return Optional.empty();
        }
        if (Duration.between(session.lastSeenAt(), now).compareTo(TOUCH_INTERVAL) > 0) {
            execute(s -> s.getMapper(SessionMapper.class).touch(hash, now, expiry(session.createdAt(), now)));
        }
        return Optional.of(user.toUser());
    }

    boolean mustChangePassword(String userId) {
        UserRow user = read(s -> s.getMapper(UserMapper.class).byId(userId));
        return user != null && user.mustChangePassword();
    }

    private Instant expiry(Instant loggedInAt, Instant now) {
        Instant idle = now.plus(settings.sessionIdle());
        Instant max = loggedInAt.plus(settings.sessionMax());
        return idle.isBefore(max) ? idle : max;
    }

    private void purgeExpiredSessions() {
        int purged = write(s -> s.getMapper(SessionMapper.class).deleteExpired(clock.instant()));
        if (purged > 0) {
            LOG.info("Removed {} expired sessions", purged);
        }
    }

    // ---- accounts -----------------------------------------------------------------------------------------

    /** A page of users, ordered by username. */
    List<UserView> users(int offset, int limit) {
        return read(s -> s.getMapper(UserMapper.class).page(offset, limit)).stream().map(UserView::of).toList();
    }

    long userCount() {
        return read(s -> s.getMapper(UserMapper.class).count());
    }

    Optional<UserRow> user(String id) {
        return Optional.ofNullable(read(s -> s.getMapper(UserMapper.class).byId(id)));
    }

    /**
     * Creates a user. Without a password one is generated and returned, for the admin to pass on; the user must
     * change it at first login either way.
     */
    CreatedUser createUser(String actor, String username, String displayName, Set<Role> roles, String password) {
        String name = username == null ? "" : username.trim().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            throw new UserAccountException(Kind.INVALID, "user.invalid_username",
                    "username must be 2-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
        if (roles == null || roles.isEmpty()) {
            throw new UserAccountException(Kind.INVALID, "user.no_roles", "a user needs at least one role");
        }
        String initial = password == null || password.isEmpty() ? PasswordPolicy.generate(random) : password;
        String problem = PasswordPolicy.problem(initial, name);
        if (problem != null) {
            throw new UserAccountException(Kind.INVALID, "user.weak_password", "password " + problem);
        }
        Instant now = clock.instant();
        UserRow row = new UserRow(UUID.randomUUID().toString(), name, displayName == null || displayName.isBlank()
                ? name : displayName.trim(), hasher.hash(initial), UserRow.formatRoles(roles), true, true, now, now);
        try {
            execute(s -> s.getMapper(UserMapper.class).insert(row));
        } catch (PersistenceException e) {
            if (read(s -> s.getMapper(UserMapper.class).byUsername(name)) != null) {
                throw new UserAccountException(Kind.CONFLICT, "user.exists", "a user named " + name + " exists");
            }
            throw e;
        }
        audit.record(actor, "user.create", "user:" + name, "roles " + row.roles());
        return new CreatedUser(row.toUser(), password == null || password.isEmpty() ? initial : null);
    }

    /** The user, and the generated password if Kefu chose it. */
    record CreatedUser(KefuUser user, String generatedPassword) {
    }

    UserView updateUser(KefuUser actor, String id, String displayName, Set<Role> roles, boolean enabled) {
        UserRow current = user(id).orElseThrow(() -> notFound(id));
        if (roles == null || roles.isEmpty()) {
            throw new UserAccountException(Kind.INVALID, "user.no_roles", "a user needs at least one role");
        }
        boolean losesAdmin = current.roleSet().contains(Role.ADMIN) && (!roles.contains(Role.ADMIN) || !enabled);
        if (losesAdmin && current.id().equals(actor.id())) {
            throw new UserAccountException(Kind.CONFLICT, "user.self_lockout",
                    "you cannot remove your own admin role or disable yourself");
        }
        if (losesAdmin && enabledAdmins() <= 1) {
            throw new UserAccountException(Kind.CONFLICT, "user.last_admin", "Kefu needs at least one enabled admin");
        }
        String name = displayName == null || displayName.isBlank() ? current.displayName() : displayName.trim();
        String roleText = UserRow.formatRoles(roles);
        write(s -> s.getMapper(UserMapper.class).update(id, name, roleText, enabled, clock.instant()));
        if (!enabled) {
            write(s -> s.getMapper(SessionMapper.class).deleteForUser(id));
        }
        audit.record(actor.username(), "user.update", "user:" + current.username(),
                "roles " + roleText + (enabled ? "" : ", disabled"));
        return new UserView(id, current.username(), name, EnumSet.copyOf(roles), enabled);
    }

    /** An admin resets someone's password: a new one is generated, every session of that user ends. */
    String resetPassword(KefuUser actor, String id) {
        UserRow current = user(id).orElseThrow(() -> notFound(id));
        String password = PasswordPolicy.generate(random);
        write(s -> s.getMapper(UserMapper.class).setPassword(id, hasher.hash(password), true, clock.instant()));
        write(s -> s.getMapper(SessionMapper.class).deleteForUser(id));
        audit.record(actor.username(), "user.password_reset", "user:" + current.username(), "");
        return password;
    }

    /** A user changes their own password, proving the current one. */
    void changePassword(KefuUser self, String currentPassword, String newPassword) {
        UserRow current = user(self.id()).orElseThrow(() -> notFound(self.id()));
        if (currentPassword == null || !hasher.matches(currentPassword, current.passwordHash())) {
            throw new UserAccountException(Kind.INVALID, "auth.wrong_password", "the current password is not right");
        }
        String problem = PasswordPolicy.problem(newPassword, current.username());
        if (problem != null) {
            throw new UserAccountException(Kind.INVALID, "user.weak_password", "password " + problem);
        }
        if (hasher.matches(newPassword, current.passwordHash())) {
            throw new UserAccountException(Kind.INVALID, "user.same_password", "choose a password you did not use now");
        }
        write(s -> s.getMapper(UserMapper.class).setPassword(self.id(), hasher.hash(newPassword), false, clock.instant()));
        audit.record(self.username(), "user.password_change", "user:" + self.username(), "");
        if (FIRST_ADMIN.equals(current.username())) {
            deleteInitialPasswordFile();
        }
    }

    private long enabledAdmins() {
        return read(s -> s.getMapper(UserMapper.class).page(0, Integer.MAX_VALUE)).stream()
                .filter(u -> u.enabled() && u.roleSet().contains(Role.ADMIN)).count();
    }

    private static UserAccountException notFound(String id) {
        return new UserAccountException(Kind.NOT_FOUND, "user.not_found", "no user with id " + id);
    }

    // ---- first start --------------------------------------------------------------------------------------

    /**
     * On an empty database, creates {@code admin} with a generated password, written to a file only the
     * operating-system user running Kefu can read. There is no default password to forget to change.
     */
    private void createFirstAdminIfNone() {
        if (userCount() > 0) {
            return;
        }
        String password = PasswordPolicy.generate(random);
        Path file = settings.initialAdminPasswordFile().toAbsolutePath();
        try {
            writeOwnerOnly(file, "username: " + FIRST_ADMIN + "\npassword: " + password + "\n"
                    + "This file is deleted when the admin changes the password at first login.\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the first admin's password to " + file + ": " + e.getMessage(), e);
        }
        createUser("system", FIRST_ADMIN, "Administrator", EnumSet.of(Role.ADMIN), password);
        LOG.warn("Created the first admin user '{}'. Its password is in {} (readable by this OS user only)",
                FIRST_ADMIN, file);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
            // Not a POSIX file system (Windows): create it, then narrow access as far as Java allows.
            Files.deleteIfExists(file);
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private void deleteInitialPasswordFile() {
        try {
            if (Files.deleteIfExists(settings.initialAdminPasswordFile())) {
                LOG.info("The first admin changed the generated password; removed {}", settings.initialAdminPasswordFile());
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", settings.initialAdminPasswordFile(), e.getMessage());
        }
    }

    // ---- plumbing -----------------------------------------------------------------------------------------

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private interface Work<T> {
        T run(SqlSession session);
    }

    private <T> T read(Work<T> work) {
        try (SqlSession session = sessions.openSession()) {
            return work.run(session);
        }
    }

    private <T> T write(Work<T> work) {
        try (SqlSession session = sessions.openSession()) {
            T result = work.run(session);
            session.commit();
            return result;
        }
    }

    private void execute(java.util.function.Consumer<SqlSession> work) {
        try (SqlSession session = sessions.openSession()) {
            work.accept(session);
            session.commit();
        }
    }
}
