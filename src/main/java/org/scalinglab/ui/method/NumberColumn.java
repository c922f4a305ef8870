package org.scalinglab.ui.method;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/**
 * A sortable table column of numbers in one format; a missing value shows as "–" and sorts last. Its width is a first
 * guess: the tables that hold these columns size them to their numbers ({@link org.scalinglab.ui.Fit#table}).
 */
final class NumberColumn {
    private static final String BASE_WIDTH = "scalinglab.baseWidth";

    private NumberColumn() {
    }

    /** The column's width at the normal font size. */
    static void baseWidth(TableColumn<?, ?> c, double width) {
        c.getProperties().put(BASE_WIDTH, width);
        c.setPrefWidth(width);
    }

    /** @param tip the header's tooltip, or null */
    static <R> TableColumn<R, Double> of(String name, Function<R, Double> value, String format, String tip) {
        TableColumn<R, Double> c = new TableColumn<>(tip == null ? name : "");
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(value.apply(x.getValue())));
        c.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v == null ? "–" : String.format(Locale.ROOT, format, v));
            }
        });
        if (tip != null) {
            Label header = new Label(name);
            header.setTooltip(new Tooltip(tip));
            c.setGraphic(header);
        }
        c.setId(name);
        // 60 px fits four bold digits and the cell padding (a highlighted row is bold).
        baseWidth(c, Math.max(60, 8 * name.length() + 18));
        return c;
    }
}
