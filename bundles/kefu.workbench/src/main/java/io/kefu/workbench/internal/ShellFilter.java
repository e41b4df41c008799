package io.kefu.workbench.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Sends {@code /} to the shell page (a resource pattern cannot match the root itself) and adds the headers every
 * page and file of the workbench should carry: no MIME sniffing, no framing by other sites, no referrer leaks.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
public final class ShellFilter implements Filter {
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
        if (path.isEmpty() || path.equals("/")) {
            request.getRequestDispatcher("/index.html").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
