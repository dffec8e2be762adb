package io.scimgateway.conformance;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a {@link Needs} test only over a backend that declares what it needs. */
final class NeedsCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<Needs> needs = context.getElement().map(NeedsCondition::needs);
    if (needs.isEmpty()) {
      return ConditionEvaluationResult.enabled("needs nothing");
    }
    List<Capability> missing = Arrays.stream(needs.get().value())
        .filter(capability -> !ConformanceBackend.has(capability)).toList();
    return missing.isEmpty() ? ConditionEvaluationResult.enabled("the backend has what it needs")
        : ConditionEvaluationResult.disabled("needs " + missing + ", which the backend "
            + ConformanceBackend.current().name() + " does not have");
  }

  private static Needs needs(AnnotatedElement element) {
    return element.getAnnotation(Needs.class);
  }
}
