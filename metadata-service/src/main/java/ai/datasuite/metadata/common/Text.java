package ai.datasuite.metadata.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text that can be stored as given on every vendor: well-formed Unicode (no lone surrogates, which utf8mb4 cannot
 * hold), at most {@link #max} characters counted as code points (so an emoji is one character, not two), and, unless
 * {@link #controls}, no control characters. Null is valid (combine with {@code @NotBlank} / {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = Text.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Text {

    int max();

    boolean controls() default false;

    String message() default "must be valid text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Text, String> {

        private int max;
        private boolean controls;

        @Override
        public void initialize(Text annotation) {
            max = annotation.max();
            controls = annotation.controls();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String problem = problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }

        private String problem(String value) {
            int count = 0;
            for (int i = 0; i < value.length(); ) {
                int cp = value.codePointAt(i);
                if (Character.isSurrogate((char) cp) && cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                    return "must be valid Unicode text (it contains an unpaired surrogate)";
                }
                if (!controls && Character.getType(cp) == Character.CONTROL) {
                    return "must not contain control characters";
                }
                count++;
                i += Character.charCount(cp);
            }
            return count > max ? "must be at most " + max + " characters" : null;
        }
    }
}
