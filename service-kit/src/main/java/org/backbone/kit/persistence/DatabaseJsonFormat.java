package org.backbone.kit.persistence;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.backbone.contracts.EventJson;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * How JSONB columns are written: with a mapper of their own (ISO 8601 dates, unknown fields
 * ignored), so that tuning the REST layer's JSON can never change what is stored. Decimals are
 * written as JSON strings: the reactive PostgreSQL client decodes a JSONB number into a
 * {@code double} before Hibernate sees it, which turned a target of {@code …890.5} into
 * {@code 1.2345678901234568E29}; a string comes back digit for digit (and numbers stored before
 * are still read).
 */
@io.quarkus.hibernate.orm.JsonFormat
@PersistenceUnitExtension
public class DatabaseJsonFormat implements FormatMapper {

    private final FormatMapper delegate =
            new JacksonJsonFormatMapper(exactDecimals(EventJson.configure(new ObjectMapper())));

    private static ObjectMapper exactDecimals(ObjectMapper mapper) {
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        return mapper;
    }

    @Override
    public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
        return delegate.fromString(text, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return delegate.toString(value, type, options);
    }
}
