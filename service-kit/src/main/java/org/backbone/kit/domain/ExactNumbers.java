package org.backbone.kit.domain;

import java.math.BigDecimal;

/**
 * The ranges numbers are held to. Numbers are {@link BigDecimal} from the wire to the column
 * ({@code NUMERIC}) and back, never {@code double}, so what a partner sends is what is stored.
 *
 * <ul>
 *   <li><b>Readable</b> ({@link #readProblem}): what any JSON body or event may carry at all — at most
 *   {@value #MAX_INTEGER_DIGITS_READ} digits before the decimal point and {@value #MAX_SCALE_READ}
 *   after it. Anything beyond (say {@code 1e131071}) is refused while parsing, before any arithmetic.</li>
 *   <li><b>Storable</b> ({@link #storeProblem}): what a reported value, target, baseline or amount may be
 *   — at most {@value #MAX_INTEGER_DIGITS} digits before the decimal point and {@value #MAX_SCALE}
 *   after it. A sum of a million such values is still exact and well inside {@code NUMERIC}.
 *   Domain rules apply it value by value, so one bad value of a batch rejects that value only.</li>
 * </ul>
 */
public final class ExactNumbers {

    public static final int MAX_INTEGER_DIGITS_READ = 30;
    public static final int MAX_SCALE_READ = 10;
    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int MAX_SCALE = 6;

    private ExactNumbers() {
    }

    /** Why {@code number} cannot even be read, or null. */
    public static String readProblem(BigDecimal number) {
        return outside(number, MAX_INTEGER_DIGITS_READ, MAX_SCALE_READ);
    }

    /** Why {@code number} cannot be stored as a value, or null (null numbers can). */
    public static String storeProblem(BigDecimal number) {
        return outside(number, MAX_INTEGER_DIGITS, MAX_SCALE);
    }

    private static String outside(BigDecimal number, int integerDigits, int scale) {
        if (number == null || number.signum() == 0) {
            return null;
        }
        // precision - scale is the number of digits before the point (negative for 0.00x); trailing zeros
        // after the point do not change it, so the number is stripped only when its scale is over (it is
        // checked for every value ingested: no allocation on the common path)
        if (number.precision() - number.scale() > integerDigits) {
            return "must have at most " + integerDigits + " digits before the decimal point";
        }
        if (number.scale() > scale && number.stripTrailingZeros().scale() > scale) {
            return "must have at most " + scale + " digits after the decimal point";
        }
        return null;
    }
}
