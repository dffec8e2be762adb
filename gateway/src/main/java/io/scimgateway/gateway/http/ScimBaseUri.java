package io.scimgateway.gateway.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.function.Function;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.spi.internal.ValueParamProvider;

/**
 * Marks a {@link URI} parameter of an endpoint method that receives the SCIM base URL of the request
 * (as {@link BasePathRequestFilter} set it), from which resource locations are built.
 *
 * <p>It replaces {@code @Context UriInfo uri} and {@code uri.getBaseUri()}: Jersey resolves a
 * {@code @Context} parameter through its dependency injector on every request, which cost about a
 * tenth of the Java time of a lookup by userName; this reads the request directly.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface ScimBaseUri {

  /** Supplies {@link ScimBaseUri} parameters; registered once in {@link GatewayApplication}. */
  final class Provider implements ValueParamProvider {

    @Override
    public Function<ContainerRequest, ?> getValueProvider(Parameter parameter) {
      return parameter.isAnnotationPresent(ScimBaseUri.class) && parameter.getRawType() == URI.class
          ? ContainerRequest::getBaseUri
          : null;
    }

    @Override
    public PriorityType getPriority() {
      return Priority.HIGH;
    }
  }
}
