package io.kefu.web;

import java.util.List;

/**
 * One page of a longer list. Lists take {@code offset} and {@code limit} query parameters; {@link #limit(Integer)}
 * applies Kefu's defaults and bounds so that every endpoint pages the same way.
 */
public record Page<T>(List<T> items, int offset, int limit, long total) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public Page {
        items = List.copyOf(items);
    }

    public static int offset(Integer offset) {
        if (offset == null) {
            return 0;
        }
        if (offset < 0) {
            throw ApiException.badRequest("page.offset", "offset must not be negative");
        }
        return offset;
    }

    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("page.limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
