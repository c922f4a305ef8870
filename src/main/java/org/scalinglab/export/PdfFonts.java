package org.scalinglab.export;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.TextAttribute;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.AttributedCharacterIterator;
import java.text.CharacterIterator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of a PDF figure: every AWT font the painter sets (the logical families SansSerif, Dialog, Serif,
 * Monospaced, DialogInput, and any other family) is drawn with one of the DejaVu TrueType fonts shipped in the jar
 * ({@code fonts/}), embedded as a Unicode subset, so φ, α, β, γ, ×, ·, ², ≈, → and ± are real, searchable text on any
 * machine, whatever fonts it has. The painter's {@code FontMetrics} measure with the same embedded font, so centred
 * text stays centred.
 *
 * <p>Text with a character DejaVu lacks (a file name in Chinese, say) is drawn as outlines with Java's own fonts
 * instead, so it still shows. One instance per PDF document.
 */
final class PdfFonts extends PdfBoxGraphics2DFontTextDrawer {

    /** A DejaVu family: the files of its plain, bold, italic and bold italic faces. */
    enum Face {
        SANS("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"),
        MONO("DejaVuSansMono", "DejaVuSansMono-Bold", "DejaVuSansMono-Oblique", "DejaVuSansMono-BoldOblique"),
        SERIF("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic", "DejaVuSerif-BoldItalic");

        private final String[] files;

        Face(String... files) {
            this.files = files;
        }

        String file(boolean bold, boolean italic) {
            return files[(bold ? 1 : 0) + (italic ? 2 : 0)];
        }
    }

    private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();
    private static final Map<String, Font> AWT_FACES = new ConcurrentHashMap<>();

    private final Map<String, PDFont> loaded = new HashMap<>();

    /**
     * The embedded face that stands in for a font in a PDF, as an AWT font of the same size: for layouts measured
     * before they know their output (the block diagram), so text fits in the PDF too where Java's SansSerif is not
     * DejaVu Sans (Arial on Windows, Helvetica on macOS).
     */
    static Font embeddedFace(Font font) {
        Font face = AWT_FACES.computeIfAbsent(fileFor(font), file -> {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes(file)));
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("cannot read the font " + file + ".ttf: " + e.getMessage(), e);
            }
        });
        return face.deriveFont(font.getSize2D());
    }

    /**
     * A font file from the jar, read once, with its GSUB table hidden: PDFBox would otherwise apply the font's
     * ligatures ("ffi" in "coefficient" becomes one glyph whose text is U+FB03), so the PDF would read and copy
     * differently from what was drawn and from the PNG and SVG, which Java draws without ligatures. Only the table's
     * tag in the directory changes ("GSUB" to "XSUB", which no reader knows); the embedded subset never carries it.
     */
    static byte[] bytes(String file) throws IOException {
        byte[] cached = FILES.get(file);
        if (cached != null) return cached;
        byte[] ttf;
        try (InputStream in = PdfFonts.class.getResourceAsStream("fonts/" + file + ".ttf")) {
            if (in == null) throw new IOException("the font " + file + ".ttf is missing from the application");
            ttf = in.readAllBytes();
        }
        int tables = ((ttf[4] & 0xff) << 8) | (ttf[5] & 0xff);
        for (int i = 0; i < tables; i++) {
            int at = 12 + 16 * i;
            if (ttf[at] == 'G' && ttf[at + 1] == 'S' && ttf[at + 2] == 'U' && ttf[at + 3] == 'B') ttf[at] = 'X';
        }
        FILES.put(file, ttf);
        return ttf;
    }

    /** The font file (without .ttf) that draws an AWT font. */
    static String fileFor(Font font) {
        String family = font.getFamily(Locale.ROOT).toLowerCase(Locale.ROOT);
        String name = font.getFontName(Locale.ROOT).toLowerCase(Locale.ROOT);
        Face face;
        if (family.equals("monospaced") || family.equals("dialoginput") || family.contains("mono") || family.contains("courier")
                || family.contains("consol")) {
            face = Face.MONO;
        } else if (family.equals("serif") || family.contains("times") || family.contains("georgia")
                || (family.contains("serif") && !family.contains("sans"))) {
            face = Face.SERIF;
        } else {
            face = Face.SANS; // SansSerif, Dialog, and families we do not ship (Tahoma, Arial, Helvetica...)
        }
        boolean bold = font.isBold() || name.contains("bold");
        boolean italic = font.isItalic() || name.contains("italic") || name.contains("oblique");
        return face.file(bold, italic);
    }

    @Override
    protected PDFont mapFont(Font font, IFontTextDrawerEnv env) throws IOException {
        String file = fileFor(font);
        PDFont pdf = loaded.get(file);
        if (pdf == null) {
            pdf = PDType0Font.load(env.getDocument(), new ByteArrayInputStream(bytes(file)), true); // embedded, only the glyphs used
            loaded.put(file, pdf);
        }
        return pdf;
    }

    /**
     * Text goes into the PDF as text only when the embedded font has every character of it (the bridge's own check
     * asks the AWT font, which may fall back to another font); otherwise the bridge draws it as outlines.
     */
    @Override
    public boolean canDrawText(AttributedCharacterIterator it, IFontTextDrawerEnv env) throws IOException {
        StringBuilder run = new StringBuilder();
        for (it.first(); it.getIndex() < it.getEndIndex(); ) {
            if (it.getAttribute(TextAttribute.BACKGROUND) != null) return false;
            if (TextAttribute.LIGATURES_ON.equals(it.getAttribute(TextAttribute.LIGATURES))) return false;
            Font font = (Font) it.getAttribute(TextAttribute.FONT);
            if (font == null) font = env.getFont();
            PDFont pdf = mapFont(font, env);
            int limit = it.getRunLimit();
            run.setLength(0);
            for (char c = it.current(); it.getIndex() < limit && c != CharacterIterator.DONE; c = it.next()) run.append(c);
            if (!drawable(pdf, run.toString())) return false;
        }
        return true;
    }

    /** Left-to-right text whose every character has a glyph in the font. */
    static boolean drawable(PDFont font, String text) throws IOException {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            switch (Character.getDirectionality(cp)) {
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT, Character.DIRECTIONALITY_EUROPEAN_NUMBER,
                        Character.DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR, Character.DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR,
                        Character.DIRECTIONALITY_WHITESPACE, Character.DIRECTIONALITY_COMMON_NUMBER_SEPARATOR,
                        Character.DIRECTIONALITY_NONSPACING_MARK, Character.DIRECTIONALITY_OTHER_NEUTRALS,
                        Character.DIRECTIONALITY_ARABIC_NUMBER -> {
                }
                default -> {
                    return false; // right-to-left scripts, controls, unassigned: leave them to the outline path
                }
            }
            try {
                font.encode(new String(Character.toChars(cp)));
            } catch (IllegalArgumentException noGlyph) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
