package io.scimgateway.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class or method that needs capabilities of the backend. Where the suite's backend lacks one,
 * the test is reported as disabled with the capability and the backend named, never passed over in
 * silence; tests of what a backend does without it check the SCIM error instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NeedsCondition.class)
public @interface Needs {
  Capability[] value();
}
