package org.clearpost.support.reliability;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@code @Incoming @Transactional} consumer method: a transient failure (see {@link TransientFailures}) is
 * retried with capped exponential back-off for as long as it lasts, each attempt in a new transaction; anything else
 * is thrown on, so the record goes to the dead-letter topic with its reason.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetryTransientFailures {
}
