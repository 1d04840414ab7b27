package org.backbone.kit.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import org.backbone.kit.domain.ExactNumbers;

/** A number within {@link ExactNumbers#storeProblem}'s range: at most 15 digits before the point, 6 after. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StorableNumber.Validator.class)
public @interface StorableNumber {

    String message() default "must have at most " + ExactNumbers.MAX_INTEGER_DIGITS + " digits before the decimal point and "
            + ExactNumbers.MAX_SCALE + " after it";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StorableNumber, BigDecimal> {

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return ExactNumbers.storeProblem(value) == null;
        }
    }
}
