package io.kefu.api.security;

/**
 * What a user may do. Roles do not nest: a supervisor who also answers customers holds AGENT and SUPERVISOR.
 * ADMIN manages users, configuration and plug-ins.
 */
public enum Role {
    AGENT, SUPERVISOR, ANALYST, ADMIN
}
