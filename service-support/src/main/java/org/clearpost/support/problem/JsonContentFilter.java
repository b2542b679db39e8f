package org.clearpost.support.problem;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * A body sent to a method that does not say what it consumes must be JSON. Without this, a {@code text/plain} body
 * reached a method taking a one-field record and became that field (a crisis reason, an account token). Methods that
 * take other media types say so with {@code @Consumes}.
 */
@Provider
public class JsonContentFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.hasEntity() || resource == null || resource.getResourceMethod() == null) {
            return;
        }
        Method method = resource.getResourceMethod();
        if (!takesABody(method)) {
            return; // e.g. POST /posts/{id}/submit: whatever a client sends along is not read
        }
        if (method.isAnnotationPresent(Consumes.class) || resource.getResourceClass().isAnnotationPresent(Consumes.class)) {
            return; // JAX-RS matched the declared media types already
        }
        MediaType type = request.getMediaType();
        if (type == null || !isJson(type)) {
            throw new NotSupportedException("This operation takes application/json, not "
                    + (type == null ? "a body without a Content-Type" : type.getType() + "/" + type.getSubtype()));
        }
    }

    /** A parameter JAX-RS fills from the body: no JAX-RS annotation, and not a context type it injects. */
    static boolean takesABody(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            boolean injected = false;
            for (Annotation annotation : annotations[i]) {
                String name = annotation.annotationType().getName();
                injected |= name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.");
            }
            String type = types[i].getName();
            injected |= type.startsWith("jakarta.ws.rs.") || type.startsWith("io.vertx.")
                    || type.startsWith("io.quarkus.") || type.startsWith("org.jboss.resteasy.reactive.");
            if (!injected) {
                return true;
            }
        }
        return false;
    }

    static boolean isJson(MediaType type) {
        return type.getType().equalsIgnoreCase("application")
                && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json"));
    }
}
