package io.kefu.web;

/** The body of every error response. */
public record ErrorBody(String code, String message) {
}
