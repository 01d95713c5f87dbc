package io.millwright.kit.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * An ingress operation whose callers are held to a rate, each client on its own (see {@link RateLimitFilter}): over
 * it the request is answered 429 with {@code Retry-After} before anything is read or written. The value names the
 * limit in {@code millwright.kit.rate-limits.<name>}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RateLimited {

    String value() default "";
}
