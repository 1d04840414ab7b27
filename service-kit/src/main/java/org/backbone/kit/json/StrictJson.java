package org.backbone.kit.json;

import org.backbone.kit.domain.ExactNumbers;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.function.Function;
import org.backbone.kit.domain.StorableText;

/**
 * How every Backbone service reads JSON, from a REST body or an event payload: a repeated key, a
 * second document after the first, a number where a string or an enum belongs (or the reverse), a
 * fraction for a whole number, a null inside a list or map, an id or date given as blank text, text
 * PostgreSQL cannot store and numbers beyond {@link ExactNumbers#readProblem} are refused while parsing,
 * naming the field. Decimals are read as {@link BigDecimal}, never through {@code double}.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** Where a mapping failed, as Backbone names fields: {@code goals[2].title}; empty at the top. */
    public static String pathOf(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(StorableText.sanitized(ref.getFieldName()));
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Applies the rules to {@code mapper} (Quarkus's REST mapper, or an event reader's) and returns it. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // ["a", null]: no list, set or map of ours holds a null, and code that trusts its elements must not meet one
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        for (LogicalType textual : new LogicalType[] {LogicalType.Textual, LogicalType.Enum}) {
            mapper.coercionConfigFor(textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(number)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // Jackson trims an id's or a date's text and reads what is left empty as null: " " or "\u0000" is no id, not none
        for (LogicalType scalar : new LogicalType[] {LogicalType.OtherScalar, LogicalType.DateTime}) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.registerModule(module());
        return mapper;
    }

    private static SimpleModule module() {
        SimpleModule module = new SimpleModule("backbone-strict-json");
        // text the database can store; decimals read exactly, and only within the readable range
        module.addDeserializer(String.class, new Checked<>(String.class, StringDeserializer.instance, StorableText::problem));
        module.addKeyDeserializer(String.class, new StorableKey());
        module.addDeserializer(BigDecimal.class, new Checked<>(BigDecimal.class,
                NumberDeserializers.BigDecimalDeserializer.instance, ExactNumbers::readProblem));
        // times and dates are RFC 3339 text, never epoch numbers or [y, m, d] arrays that Jackson would also take
        module.addDeserializer(java.time.Instant.class, new TextOnly<>(java.time.Instant.class,
                com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.INSTANT));
        module.addDeserializer(java.time.OffsetDateTime.class, new TextOnly<>(java.time.OffsetDateTime.class,
                com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer.OFFSET_DATE_TIME));
        module.addDeserializer(java.time.LocalDate.class, new TextOnly<>(java.time.LocalDate.class,
                com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer.INSTANCE));
        module.addDeserializer(java.time.LocalDateTime.class, new TextOnly<>(java.time.LocalDateTime.class,
                com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer.INSTANCE));
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new ExactEnum(deserializer);
            }
        });
        return module;
    }

    /** A value Jackson's own deserializer reads, but only from JSON text. */
    static final class TextOnly<T> extends com.fasterxml.jackson.databind.deser.std.StdDeserializer<T> {
        private final JsonDeserializer<T> text;

        TextOnly(Class<T> type, JsonDeserializer<T> text) {
            super(type);
            this.text = text;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws java.io.IOException {
            if (!parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return context.reportInputMismatch(this, "must be text (RFC 3339)");
            }
            return text.deserialize(parser, context);
        }
    }

    /** A value read by Jackson's own deserializer, then held to a rule (null: it passes). */
    static final class Checked<T> extends StdScalarDeserializer<T> {

        private final JsonDeserializer<T> read;
        private final Function<T, String> problem;

        Checked(Class<T> type, JsonDeserializer<T> read, Function<T, String> problem) {
            super(type);
            this.read = read;
            this.problem = problem;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T value = read.deserialize(p, ctxt);
            String refused = problem.apply(value);
            if (refused != null) {
                throw new RefusedJsonValue(p, refused);
            }
            return value;
        }
    }

    static final class StorableKey extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String problem = StorableText.problem(key);
            if (problem != null) {
                throw new RefusedJsonValue(ctxt.getParser(), "a key " + problem);
            }
            return key;
        }
    }

    /** Jackson matches {@code " PARTNER "} to {@code PARTNER} after trimming; an enum value must be exact. */
    static final class ExactEnum extends DelegatingDeserializer {

        ExactEnum(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactEnum(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                if (!text.equals(text.strip())) {
                    throw new RefusedJsonValue(p, "must be one of the listed values exactly, without spaces");
                }
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** A value refused by these rules; its message is the reason, without echoing the value. */
    public static final class RefusedJsonValue extends InvalidFormatException {

        private final String reason;

        RefusedJsonValue(JsonParser parser, String reason) {
            super(parser, reason, null, Object.class);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

}
