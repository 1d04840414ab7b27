package org.backbone.contracts;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds a fully populated instance of any catalogue record, so every field reaches the schema check. */
final class SamplePayloads {

    private SamplePayloads() {
    }

    static Object sample(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == List.class) {
                return List.of(sample(arguments[0]));
            }
            if (raw == Map.class) {
                return Map.of("region", "north");
            }
            throw new IllegalArgumentException("no sample for " + type);
        }
        Class<?> cls = (Class<?>) type;
        if (cls == String.class) {
            return "sample";
        } else if (cls == UUID.class) {
            return UUID.randomUUID();
        } else if (cls == Instant.class) {
            return Instant.parse("2026-03-01T10:15:30Z");
        } else if (cls == LocalDate.class) {
            return LocalDate.of(2026, 3, 1);
        } else if (cls == int.class || cls == Integer.class) {
            return 3;
        } else if (cls == long.class || cls == Long.class) {
            return 7L;
        } else if (cls == boolean.class || cls == Boolean.class) {
            return true;
        } else if (cls == BigDecimal.class) {
            return new BigDecimal("0.75");
        } else if (cls.isEnum()) {
            return cls.getEnumConstants()[0];
        } else if (cls.isRecord()) {
            return instantiate(cls);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    static Object instantiate(Class<?> recordClass) {
        RecordComponent[] components = recordClass.getRecordComponents();
        Object[] values = Arrays.stream(components).map(c -> sample(c.getGenericType())).toArray();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return recordClass.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
