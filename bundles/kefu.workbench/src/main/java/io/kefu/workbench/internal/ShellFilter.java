package io.kefu.workbench.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Sends {@code /} to the shell page (a resource pattern cannot match the root itself) and adds the headers every
 * page and file of the workbench should carry: no MIME sniffing, no framing by other sites, no referrer leaks, and
 * on the page itself a Content-Security-Policy that lets only Kefu's own scripts run. The one inline script, the
 * import map, is allowed by its hash, computed from the page this bundle actually serves so that it cannot drift
 * from a rebuilt UI.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
public final class ShellFilter implements Filter {
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private final String contentSecurityPolicy;

    @Activate
    public ShellFilter(BundleContext context) throws IOException {
        this.contentSecurityPolicy = policy(context.getBundle().getEntry("/static/index.html"));
    }

    static String policy(URL page) throws IOException {
        StringBuilder scripts = new StringBuilder("'self'");
        if (page != null) {
            try (InputStream in = page.openStream()) {
                Matcher inline = INLINE_SCRIPT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (inline.find()) {
                    scripts.append(" 'sha256-").append(sha256(inline.group(1))).append("'");
                }
            }
        }
        // Styles may be inline: the shell and Lit views add <style> elements where constructable sheets are missing.
        return "default-src 'self'; script-src " + scripts + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse out = (HttpServletResponse) response;
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setHeader("X-Frame-Options", "DENY");
        out.setHeader("Referrer-Policy", "same-origin");
        String path = http.getRequestURI().substring(http.getContextPath().length());
        // The shell's files keep fixed names (plug-ins import them by URL), so browsers must revalidate them.
        if (!path.startsWith("/api/")) {
            out.setHeader("Cache-Control", "no-cache");
        }
        if (path.isEmpty() || path.equals("/") || path.equals("/index.html")) {
            out.setHeader("Content-Security-Policy", contentSecurityPolicy);
        }
        if (path.isEmpty() || path.equals("/")) {
            request.getRequestDispatcher("/index.html").forward(request, response);
            return;
        }
        // Browsers ask for /favicon.ico on every page that names no icon (the web chat demo page, say).
        if (path.equals("/favicon.ico")) {
            request.getRequestDispatcher("/workbench/favicon.svg").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
