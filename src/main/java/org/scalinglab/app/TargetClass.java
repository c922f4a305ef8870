package org.scalinglab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the class a CAM should explain from what a user typed: nothing for each model's top-1, an index, or a name. */
public final class TargetClass {
    public static final String TOP1 = "top-1 of each model";
    /** Each image's own class, from the class folder it lies in (see {@link TrueClass}). */
    public static final String TRUE = "true class";
    /** The index that stands for {@link #TRUE}. */
    public static final int TRUE_CLASS = -1;

    private TargetClass() {
    }

    /** "7 · gas pump": how a class appears in a chooser, and what {@link #parse} reads back. */
    public static String describe(int index, List<String> names) {
        if (index == TRUE_CLASS) return TRUE;
        return index + " · " + (index < names.size() ? names.get(index) : "class " + index);
    }

    /**
     * @return null for top-1 (blank text or {@link #TOP1}), else the class index
     * @throws IllegalArgumentException naming what is wrong: an index out of range, no or several matching names
     */
    public static Integer parse(String text, List<String> names) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase(TOP1) || t.equalsIgnoreCase("top-1") || t.equalsIgnoreCase("top1")) return null;
        if (t.equalsIgnoreCase(TRUE) || t.equalsIgnoreCase("true") || t.equalsIgnoreCase("true class of each image")) return TRUE_CLASS;
        String lead = t.split("[\\s·]+", 2)[0];
        if (lead.chars().allMatch(Character::isDigit)) {
            int index;
            try {
                index = Integer.parseInt(lead);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("class index " + lead + " is too large");
            }
            if (!names.isEmpty() && index >= names.size()) {
                throw new IllegalArgumentException("class " + index + " does not exist: these models know classes 0.." + (names.size() - 1));
            }
            return index;
        }
        String want = t.toLowerCase(Locale.ROOT);
        List<Integer> partial = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).toLowerCase(Locale.ROOT);
            if (n.equals(want)) return i;
            if (n.contains(want)) partial.add(i);
        }
        if (partial.size() == 1) return partial.get(0);
        if (partial.isEmpty()) throw new IllegalArgumentException("no class is called '" + t + "'; type a class index or part of its name");
        List<String> some = partial.stream().limit(4).map(names::get).toList();
        throw new IllegalArgumentException("'" + t + "' matches " + partial.size() + " classes (" + String.join(", ", some)
                + (partial.size() > 4 ? ", …" : "") + "); type more of the name or the index");
    }
}
