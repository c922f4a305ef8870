package org.scalinglab.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ui.Drawable;
import org.scalinglab.arch.BlockSpec;
import org.scalinglab.arch.MbConvBreakdown;
import org.scalinglab.arch.MbConvBreakdown.Kind;
import org.scalinglab.arch.MbConvBreakdown.Step;
import org.scalinglab.arch.NetworkSpec;
import org.scalinglab.scaling.CompoundScaling;
import org.scalinglab.scaling.OfficialModel;

/**
 * One MBConv block as a figure: the texts of every box (which the window's block view shows too, so the two never
 * disagree) and a plain Graphics2D drawing of them for PNG, SVG and PDF. The main path runs left to right (input,
 * expand, depthwise, excite, project, add, output); squeeze-and-excitation is a branch under it from the depthwise
 * output back up to "excite"; the residual arcs over the top from the input to "add".
 */
public final class BlockFigure implements Drawable {

    /** What a box shows. step is null for the input and output boxes; kind is the colour group. */
    public record Box(Kind step, String kind, String title, String detail, String shape, String params, String macs,
                      String explanation, List<String> layers) {
        public boolean isSe() {
            return step == Kind.SQUEEZE || step == Kind.SE_REDUCE || step == Kind.SE_EXPAND;
        }
    }

    public static final String SE_CAPTION = "squeeze-and-excitation: weigh the channels";

    private final MbConvBreakdown block;
    private final String model;
    private final String place;
    private final String summary;
    private final String residualNote;
    private final List<Box> boxes;
    private Layout layout;

    private BlockFigure(MbConvBreakdown block, String model, String place, String summary, String residualNote, List<Box> boxes) {
        this.block = block;
        this.model = model;
        this.place = place;
        this.summary = summary;
        this.residualNote = residualNote;
        this.boxes = List.copyOf(boxes);
    }

    /**
     * @param network the network the block belongs to (for "block 2 of 3")
     * @param model   what the network is, for the figure's title ("EfficientNet-B0"); may be blank
     */
    public static BlockFigure of(MbConvBreakdown b, NetworkSpec network, String model) {
        BlockSpec spec = b.block();
        List<BlockSpec> siblings = MbConvBreakdown.blocksOf(network, spec.stage());
        int index = siblings.indexOf(spec);
        String name = spec.name().substring(0, spec.name().length() - 1);
        String out = b.steps().get(b.steps().size() - 1).shape();
        String place = "Stage " + spec.stage() + ", block " + (index + 1) + " of " + siblings.size() + " (Keras " + name + ")";
        String summary = "MBConv" + spec.expandRatio() + ", k" + spec.kernel() + "×" + spec.kernel() + ",  " + b.inShape() + " → "
                + out + ",  " + Numbers.count(b.params()) + " params, " + Numbers.macs(b.macs()) + " multiply-adds";
        String residual = b.step(Kind.RESIDUAL) != null
                ? "Residual: stride 1 and " + spec.filtersIn() + " → " + spec.filtersOut() + " channels, so the input " + b.inShape()
                  + " is added to the output (in training the branch is dropped with probability "
                  + String.format(Locale.ROOT, "%.3f", spec.dropConnectRate()) + ")"
                : "No residual: this block changes the shape (" + b.inShape() + " → " + out
                  + "), so its input cannot be added to its output";
        List<Box> boxes = new ArrayList<>();
        boxes.add(new Box(null, "io", "Input", "from the previous block", b.inShape(), null, null,
                "The block's input: the previous block's output (or the stem's).", List.of()));
        for (Step s : b.steps()) {
            boxes.add(new Box(s.kind(), kindClass(s.kind()), s.title(), s.detail(), s.shape(), Numbers.count(s.params()) + " params",
                    Numbers.macs(s.macs()) + " mult-adds", s.explanation(), s.layers()));
        }
        boxes.add(new Box(null, "io", "Output", "to the next block", out, null, null, "The block's output, the next block's input.",
                List.of()));
        return new BlockFigure(b, model == null ? "" : model, place, summary, residual, boxes);
    }

    /** "EfficientNet-B2", or "Compound φ = 1.5 (α = 1.2, β = 1.1, γ = 1.15)" for the formula. */
    public static String modelName(OfficialModel official, CompoundScaling formula) {
        if (official != null) return "EfficientNet-" + official.name();
        java.text.DecimalFormat f = new java.text.DecimalFormat("0.###", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
        return "Compound φ = " + f.format(formula.phi()) + " (α = " + f.format(formula.alpha()) + ", β = " + f.format(formula.beta())
                + ", γ = " + f.format(formula.gamma()) + ")";
    }

    public MbConvBreakdown block() {
        return block;
    }

    /** "Stage 4, block 1 of 3 (Keras block3a): MBConv6, k3×3,  56×56×24 → 28×28×40,  10,710 params, 7.4 M multiply-adds" */
    public String heading() {
        return place + ": " + summary;
    }

    public String residualNote() {
        return residualNote;
    }

    /** Input, the steps in order, output. */
    public List<Box> boxes() {
        return boxes;
    }

    public boolean hasResidual() {
        return block.step(Kind.RESIDUAL) != null;
    }

    /** The figure's natural size in points. */
    public int width() {
        return (int) Math.ceil(layout().width);
    }

    public int height() {
        return (int) Math.ceil(layout().height);
    }

    /** Writes the figure at its natural size; the format follows the extension (.png at 2x, .svg, .pdf). */
    public void write(Path out) throws IOException {
        FigureWriter.write(this, (model.isBlank() ? "" : model + ", ") + place, out, width(), height());
    }

    /** Draws the figure scaled to fit the area, centred. */
    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        Layout l = layout();
        double s = Math.min(area.getWidth() / l.width, area.getHeight() / l.height);
        AffineTransform saved = g2.getTransform();
        Stroke savedStroke = g2.getStroke();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setPaint(Color.WHITE);
        g2.fill(area);
        g2.translate(area.getX() + (area.getWidth() - l.width * s) / 2, area.getY() + (area.getHeight() - l.height * s) / 2);
        g2.scale(s, s);
        paint(g2, l);
        g2.setTransform(saved);
        g2.setStroke(savedStroke);
    }

    // ---- layout -------------------------------------------------------------------------------------------------

    private static final double MARGIN = 24;
    private static final double GAP = 40;          // between boxes, room for an arrow
    private static final double PAD = 9;           // inside a box
    private static final double LINE = 1.35;       // line height / font size
    private static final Font TITLE = new Font(ChartStyle.FONT, Font.BOLD, 18);
    private static final Font SUBTITLE = new Font(ChartStyle.FONT, Font.PLAIN, 15);
    private static final Font BOX_TITLE = new Font(ChartStyle.FONT, Font.BOLD, 14);
    private static final Font BOX_TEXT = new Font(ChartStyle.FONT, Font.PLAIN, 12);
    private static final Font BOX_SHAPE = new Font(Font.MONOSPACED, Font.BOLD, 13);
    private static final Font NOTE = new Font(ChartStyle.FONT, Font.PLAIN, 13);
    private static final Font CAPTION = new Font(ChartStyle.FONT, Font.BOLD, 13);
    private static final Color TEXT = new Color(0x243447);
    private static final Color MUTED = new Color(0x4a5560);
    private static final Color ARROW = new Color(0x5b6670);
    private static final Map<String, Color[]> COLORS = Map.of(
            "io", new Color[] {new Color(0xf1f3f5), new Color(0x8a959f)},
            "pointwise", new Color[] {new Color(0xdcebf7), new Color(0x1f77b4)},
            "depthwise", new Color[] {new Color(0xdff2e1), new Color(0x2ca02c)},
            "se", new Color[] {new Color(0xece3f5), new Color(0x9467bd)},
            "residual", new Color[] {new Color(0xfde9d7), new Color(0xff7f0e)});
    private static final Color SE_LINE = new Color(0x9467bd);
    private static final Color RESIDUAL_LINE = new Color(0xff7f0e);

    /** Where everything goes, in points from the top left. */
    private static final class Layout {
        double width;
        double height;
        double boxWidth;
        double boxHeight;
        double titleY;
        double subtitleY;
        double laneY;
        double rowY;
        double seRowY;
        double noteY;
        Rectangle2D seGroup;
        final Map<Box, Rectangle2D> places = new HashMap<>();
        final List<Box> main = new ArrayList<>();
        final List<Box> se = new ArrayList<>();
    }

    private Layout layout() {
        if (layout != null) return layout;
        Layout l = new Layout();
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        double textWidth = 0;
        for (Box b : boxes) {
            for (String[] line : lines(b)) textWidth = Math.max(textWidth, width(g, font(line[0]), line[1]));
        }
        l.boxWidth = Math.max(128, textWidth + 2 * PAD + 4);
        l.boxHeight = 2 * PAD + BOX_TITLE.getSize() * LINE + BOX_TEXT.getSize() * LINE * 3 + BOX_SHAPE.getSize() * LINE;
        for (Box b : boxes) {
            if (b.isSe()) l.se.add(b);
            else l.main.add(b);
        }
        // the excite box sits two columns after depthwise, so the three SE boxes fit under depthwise..excite
        List<Box> columns = new ArrayList<>();
        for (Box b : l.main) {
            columns.add(b);
            if (b.step() == Kind.DEPTHWISE && !l.se.isEmpty()) columns.add(null);
        }
        double pitch = l.boxWidth + GAP;
        l.titleY = MARGIN + TITLE.getSize();
        l.subtitleY = l.titleY + SUBTITLE.getSize() * 1.6;
        l.laneY = l.subtitleY + 26;
        l.rowY = l.laneY + (hasResidual() ? 30 : 4);
        double captionHeight = CAPTION.getSize() * 1.8;
        l.seRowY = l.rowY + l.boxHeight + 40 + captionHeight;
        double bottom = l.se.isEmpty() ? l.rowY + l.boxHeight : l.seRowY + l.boxHeight + 10;
        l.noteY = bottom + 30;
        int dwColumn = -1;
        for (int i = 0; i < columns.size(); i++) {
            Box b = columns.get(i);
            if (b == null) continue;
            if (b.step() == Kind.DEPTHWISE) dwColumn = i;
            l.places.put(b, new Rectangle2D.Double(MARGIN + i * pitch, l.rowY, l.boxWidth, l.boxHeight));
        }
        for (int k = 0; k < l.se.size(); k++) {
            l.places.put(l.se.get(k), new Rectangle2D.Double(MARGIN + (dwColumn + k) * pitch, l.seRowY, l.boxWidth, l.boxHeight));
        }
        if (!l.se.isEmpty()) {
            Rectangle2D first = l.places.get(l.se.get(0));
            Rectangle2D last = l.places.get(l.se.get(l.se.size() - 1));
            l.seGroup = new Rectangle2D.Double(first.getX() - 12, l.seRowY - captionHeight - 6,
                    last.getMaxX() - first.getX() + 24, l.boxHeight + captionHeight + 14);
        }
        double contentWidth = columns.size() * pitch - GAP;
        double textWide = Math.max(width(g, TITLE, titleText()), Math.max(width(g, SUBTITLE, summary), width(g, NOTE, residualNote)));
        l.width = 2 * MARGIN + Math.max(contentWidth, textWide);
        l.height = l.noteY + NOTE.getSize() * 0.6 + MARGIN;
        g.dispose();
        layout = l;
        return l;
    }

    private String titleText() {
        return (model.isBlank() ? "" : model + ": ") + place;
    }

    /** A box's lines: font key and text. */
    private static List<String[]> lines(Box b) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"title", b.title()});
        out.add(new String[] {"detail", b.detail()});
        out.add(new String[] {"shape", b.shape()});
        if (b.params() != null) out.add(new String[] {"text", b.params()});
        if (b.macs() != null) out.add(new String[] {"text", b.macs()});
        return out;
    }

    private static Font font(String key) {
        return switch (key) {
            case "title" -> BOX_TITLE;
            case "shape" -> BOX_SHAPE;
            default -> BOX_TEXT;
        };
    }

    /** The wider of the text in this Java font and in the face a PDF embeds for it, so the text fits in every format. */
    private static double width(Graphics2D g, Font f, String text) {
        return Math.max(g.getFontMetrics(f).stringWidth(text), g.getFontMetrics(PdfFonts.embeddedFace(f)).stringWidth(text));
    }

    // ---- painting -----------------------------------------------------------------------------------------------

    private void paint(Graphics2D g, Layout l) {
        g.setPaint(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, l.width, l.height));
        text(g, TITLE, TEXT, titleText(), MARGIN, l.titleY);
        text(g, SUBTITLE, MUTED, summary, MARGIN, l.subtitleY);

        if (l.seGroup != null) {
            g.setPaint(SE_LINE);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f));
            g.draw(new RoundRectangle2D.Double(l.seGroup.getX(), l.seGroup.getY(), l.seGroup.getWidth(), l.seGroup.getHeight(), 12, 12));
            text(g, CAPTION, SE_LINE.darker(), SE_CAPTION, l.seGroup.getX() + 10, l.seGroup.getY() + CAPTION.getSize() * 1.3);
        }

        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i + 1 < l.main.size(); i++) {
            Rectangle2D a = l.places.get(l.main.get(i));
            Rectangle2D b = l.places.get(l.main.get(i + 1));
            arrow(g, ARROW, a.getMaxX() + 2, a.getCenterY(), b.getX() - 2, b.getCenterY());
        }
        if (!l.se.isEmpty()) {
            Box dw = l.main.stream().filter(b -> b.step() == Kind.DEPTHWISE).findFirst().orElseThrow();
            Box excite = l.main.stream().filter(b -> b.step() == Kind.EXCITE).findFirst().orElse(null);
            Rectangle2D d = l.places.get(dw);
            Rectangle2D first = l.places.get(l.se.get(0));
            arrow(g, SE_LINE, d.getCenterX(), d.getMaxY() + 2, first.getCenterX(), first.getY() - 2);
            for (int i = 0; i + 1 < l.se.size(); i++) {
                Rectangle2D a = l.places.get(l.se.get(i));
                Rectangle2D b = l.places.get(l.se.get(i + 1));
                arrow(g, SE_LINE, a.getMaxX() + 2, a.getCenterY(), b.getX() - 2, b.getCenterY());
            }
            if (excite != null) {
                Rectangle2D last = l.places.get(l.se.get(l.se.size() - 1));
                Rectangle2D e = l.places.get(excite);
                arrow(g, SE_LINE, last.getCenterX(), last.getY() - 2, e.getCenterX(), e.getMaxY() + 2);
                text(g, BOX_TEXT, SE_LINE.darker(), "weights", e.getCenterX() + 6, (e.getMaxY() + l.seGroup.getY()) / 2 + 4);
            }
        }
        if (hasResidual()) {
            Rectangle2D in = l.places.get(l.main.get(0));
            Box add = l.main.stream().filter(b -> b.step() == Kind.RESIDUAL).findFirst().orElseThrow();
            Rectangle2D a = l.places.get(add);
            g.setPaint(RESIDUAL_LINE);
            g.setStroke(new BasicStroke(2.2f));
            Path2D p = new Path2D.Double();
            p.moveTo(in.getCenterX(), in.getY() - 2);
            p.lineTo(in.getCenterX(), l.laneY);
            p.lineTo(a.getCenterX(), l.laneY);
            g.draw(p);
            arrow(g, RESIDUAL_LINE, a.getCenterX(), l.laneY, a.getCenterX(), a.getY() - 2);
            String label = "residual: the input is added back";
            FontMetrics fm = g.getFontMetrics(CAPTION);
            double x = (in.getCenterX() + a.getCenterX()) / 2 - fm.stringWidth(label) / 2.0;
            g.setPaint(Color.WHITE);
            g.fill(new Rectangle2D.Double(x - 6, l.laneY - CAPTION.getSize() * 0.8, fm.stringWidth(label) + 12, CAPTION.getSize() * 1.4));
            text(g, CAPTION, RESIDUAL_LINE.darker(), label, x, l.laneY + CAPTION.getSize() * 0.35);
        }
        for (Box b : boxes) box(g, b, l.places.get(b));
        text(g, NOTE, hasResidual() ? RESIDUAL_LINE.darker().darker() : MUTED, residualNote, MARGIN, l.noteY);
    }

    private static void box(Graphics2D g, Box b, Rectangle2D r) {
        Color[] c = COLORS.get(b.kind());
        RoundRectangle2D shape = new RoundRectangle2D.Double(r.getX(), r.getY(), r.getWidth(), r.getHeight(), 12, 12);
        g.setPaint(c[0]);
        g.fill(shape);
        g.setPaint(c[1]);
        g.setStroke(new BasicStroke(1.8f));
        g.draw(shape);
        double y = r.getY() + PAD;
        for (String[] line : lines(b)) {
            Font f = font(line[0]);
            y += f.getSize() * LINE;
            text(g, f, line[0].equals("detail") ? MUTED : TEXT, line[1], r.getX() + PAD, y - f.getSize() * 0.3);
        }
    }

    private static void text(Graphics2D g, Font f, Color c, String s, double x, double baseline) {
        g.setFont(f);
        g.setPaint(c);
        g.drawString(s, (float) x, (float) baseline);
    }

    private static void arrow(Graphics2D g, Color c, double x1, double y1, double x2, double y2) {
        g.setPaint(c);
        g.setStroke(new BasicStroke(2f));
        double angle = Math.atan2(y2 - y1, x2 - x1);
        double head = 9;
        g.draw(new Line2D.Double(x1, y1, x2 - Math.cos(angle) * head * 0.8, y2 - Math.sin(angle) * head * 0.8));
        Path2D h = new Path2D.Double();
        h.moveTo(x2, y2);
        h.lineTo(x2 - head * Math.cos(angle - 0.4), y2 - head * Math.sin(angle - 0.4));
        h.lineTo(x2 - head * Math.cos(angle + 0.4), y2 - head * Math.sin(angle + 0.4));
        h.closePath();
        g.fill(h);
    }

    private static String kindClass(Kind k) {
        return switch (k) {
            case EXPAND, PROJECT -> "pointwise";
            case DEPTHWISE -> "depthwise";
            case SQUEEZE, SE_REDUCE, SE_EXPAND, EXCITE -> "se";
            case RESIDUAL -> "residual";
        };
    }
}
