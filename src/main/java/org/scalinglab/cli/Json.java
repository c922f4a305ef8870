package org.scalinglab.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** One place for the JSON style of every command: pretty, NaN-safe, no HTML escaping. */
final class Json {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    private Json() {
    }

    static String write(Object o) {
        return GSON.toJson(o);
    }
}
