package org.backbone.kit.http;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import org.backbone.kit.domain.StorableText;

/**
 * Parameters are converted strictly and a wrong one is named: {@code ?limit=abc} is a 400 on
 * {@code limit} (the framework answers 404 "no such resource"), {@code ?includeFormer=yes} is not
 * silently {@code false}, an enum must be one of its names exactly, and a malformed id in a path is
 * a 404 problem.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        boolean inPath = Arrays.stream(annotations).anyMatch(a -> a instanceof PathParam)
                || Arrays.stream(annotations).anyMatch(a -> a.annotationType().getSimpleName().equals("RestPath"));
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, inPath, "must be a UUID", StrictParameters::uuid);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, inPath, "must be a whole number", Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, inPath, "must be a whole number", Long::valueOf);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, inPath, "must be true or false", StrictParameters::bool);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, inPath, "must be a date (YYYY-MM-DD)", LocalDate::parse);
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String names = Arrays.toString(type.getEnumConstants());
            return (ParamConverter<T>) converter(name, inPath, "must be one of " + names,
                    text -> Enum.valueOf(type, text));
        }
        return null;
    }

    /** Only the canonical form: {@link UUID#fromString} also takes {@code 1-1-1-1-1}. */
    private static UUID uuid(String text) {
        UUID id = UUID.fromString(text);
        if (text.length() != 36 || !id.toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException(text);
        }
        return id;
    }

    private static Boolean bool(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, boolean inPath, String message, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                String problem = StorableText.problem(value);
                if (problem != null) {
                    throw new InvalidParameter(name, inPath, problem);
                }
                try {
                    return parse.apply(value);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new InvalidParameter(name, inPath, message);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
