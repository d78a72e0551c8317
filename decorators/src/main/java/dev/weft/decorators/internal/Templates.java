package dev.weft.decorators.internal;

/** The {@code {}} placeholder of the print decorators' templates. */
final class Templates {

    private Templates() {
    }

    /** {@return {@code template} with every {@code {}} replaced by {@code name}} */
    static String fill(String template, String name) {
        return template.indexOf("{}") < 0 ? template : template.replace("{}", name);
    }
}
