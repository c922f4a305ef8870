package org.scalinglab.ui;

import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * A slider and a spinner bound to one number, under its symbol and name, with a one-line explanation. Typed values
 * outside the range are clamped and text that is not a number is refused, each with a notice.
 */
public final class ParameterControl extends VBox {
    private final Slider slider;
    private final Spinner<Double> spinner;
    // bidirectional bindings hold their ends weakly: keep the adapter alive
    private final ObjectProperty<Double> boxed;

    public ParameterControl(String symbol, String name, String explanation, DoubleProperty value, double min, double max,
                     double step, int decimals, Consumer<String> notice) {
        getStyleClass().add("parameter");
        Label sym = new Label(symbol);
        sym.getStyleClass().add("symbol");
        sym.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label(name);
        title.getStyleClass().add("parameter-name");
        title.setWrapText(true);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);

        spinner = new Spinner<>();
        SpinnerValueFactory.DoubleSpinnerValueFactory factory =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value.get(), step);
        factory.setConverter(converter(symbol, min, max, decimals, factory, notice));
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
        spinner.getStyleClass().add("parameter-spinner");
        spinner.setId(idOf(name) + "-spinner");
        boxed = value.asObject();
        factory.valueProperty().bindBidirectional(boxed);

        slider = new Slider(min, max, value.get());
        slider.setBlockIncrement(step);
        slider.setId(idOf(name) + "-slider");
        slider.valueProperty().bindBidirectional(value);
        HBox.setHgrow(slider, Priority.ALWAYS);

        HBox head = new HBox(8, sym, title, spinner);
        head.setAlignment(Pos.CENTER_LEFT);
        Label text = new Label(explanation);
        text.getStyleClass().add("explain");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(head, slider, text);
        setSpacing(2);
    }

    public Slider slider() {
        return slider;
    }

    Spinner<Double> spinner() {
        return spinner;
    }

    /** Tick marks every {@code major} with labels, {@code minorCount} minor ticks between. */
    public ParameterControl ticks(double major, int minorCount) {
        slider.setMajorTickUnit(major);
        slider.setMinorTickCount(minorCount);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        return this;
    }

    private static String idOf(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
    }

    private static StringConverter<Double> converter(String symbol, double min, double max, int decimals,
                                                     SpinnerValueFactory<Double> factory, Consumer<String> notice) {
        return new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : Fmt.fixed(v, decimals);
            }

            @Override
            public Double fromString(String text) {
                Double old = factory.getValue();
                double v;
                try {
                    v = Double.parseDouble(text.trim().replace(',', '.'));
                } catch (NumberFormatException e) {
                    notice.accept("“" + text.trim() + "” is not a number; " + symbol + " stays " + toString(old) + ".");
                    return old;
                }
                if (!Double.isFinite(v)) {
                    notice.accept(symbol + " must be a finite number; it stays " + toString(old) + ".");
                    return old;
                }
                if (v < min || v > max) {
                    double clamped = Math.max(min, Math.min(max, v));
                    notice.accept(symbol + " goes from " + Fmt.plain(min) + " to " + Fmt.plain(max) + "; " + toString(v)
                            + " was set to " + toString(clamped) + ".");
                    return clamped;
                }
                notice.accept("");
                return v;
            }
        };
    }
}
