package io.kefu.web;

/** Names shared by the REST application and the bundles that contribute to it. */
public final class KefuRest {
    /** Whiteboard filter selecting Kefu's application; put it in {@code @JakartarsApplicationSelect}. */
    public static final String APPLICATION = "(osgi.jakartars.name=kefu)";
    /** Where the application is served. */
    public static final String BASE = "/api";
    /** The HttpOnly cookie that carries the session token for the workbench. */
    public static final String SESSION_COOKIE = "kefu_session";
    /**
     * Header every state-changing request authenticated by cookie must carry. Browsers do not let other sites set
     * it without a CORS preflight, which Kefu does not grant, so it stops cross-site request forgery.
     */
    public static final String CSRF_HEADER = "X-Requested-With";
    public static final String CSRF_VALUE = "kefu";

    private KefuRest() {
    }
}
