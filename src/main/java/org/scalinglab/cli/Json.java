package org.scalinglab.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * One place for the JSON style of every command: pretty, no HTML escaping, and valid JSON always: a value that is not
 * a number (NaN, infinite) is written as null, never as the NaN that JSON readers refuse.
 */
final class Json {
    private static final TypeAdapter<Number> FINITE_OR_NULL = new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, Number value) throws IOException {
            if (value == null || !Double.isFinite(value.doubleValue())) {
                out.nullValue();
            } else {
                out.value(value);
            }
        }

        @Override
        public Number read(JsonReader in) {
            throw new UnsupportedOperationException("write-only");
        }
    };
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .registerTypeAdapter(Double.class, FINITE_OR_NULL).registerTypeAdapter(double.class, FINITE_OR_NULL)
            .registerTypeAdapter(Float.class, FINITE_OR_NULL).registerTypeAdapter(float.class, FINITE_OR_NULL).create();

    private Json() {
    }

    static String write(Object o) {
        return GSON.toJson(o);
    }
}
