package io.kefu.api.customer;

/** The kinds of identifier a channel knows a customer by. */
public enum IdentityType {
    /** A phone number in E.164 form. */
    PHONE,
    /** An email address, lower-cased. */
    EMAIL,
    /** The shop's own member (account) id. */
    MEMBER_ID,
    /** An anonymous web chat visitor id, kept in the visitor's browser. */
    WEB_VISITOR,
    /** A user id in an external messaging app, qualified by the app, e.g. {@code wechat:o6_bmjrPTlm6_2sgVt7hMZOPfL2M}. */
    APP_USER
}
