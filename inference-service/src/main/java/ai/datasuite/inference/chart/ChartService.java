package ai.datasuite.inference.chart;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;

import ai.datasuite.inference.EmotionLabels;
import ai.datasuite.inference.client.RemoteStats;

/** PNG charts of the comment statistics, drawn by JFreeChart without a display. */
@ApplicationScoped
public class ChartService {

    static {
        // Before any AWT class loads: the service runs on servers and in containers without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private static final Color LOW = new Color(0xF7FBFF);
    private static final Color HIGH = new Color(0x08306B);
    private static final int SHADES = 24;

    /** Bar chart: per label, how many comments the model predicted it and how many admins labelled it so. */
    public byte[] distribution(RemoteStats stats, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String label : EmotionLabels.ALL) {
            data.addValue(count(stats.perPredictedLabel(), label), "predicted", label);
            data.addValue(count(stats.perTrueLabel(), label), "true (admin label)", label);
        }
        JFreeChart chart = ChartFactory.createBarChart(
                "Comments per label (" + stats.predicted() + " predicted, " + stats.labelled() + " labelled)",
                "label", "comments", data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return png(chart, width, height);
    }

    /** Heat map of the confusion matrix (rows: true label, columns: predicted label) with the count in each cell. */
    public byte[] confusion(RemoteStats stats, int width, int height) {
        List<String> labels = stats.confusion() == null || stats.confusion().labels() == null
                ? EmotionLabels.ALL : stats.confusion().labels();
        List<List<Long>> matrix = stats.confusion() == null ? null : stats.confusion().matrix();
        int n = labels.size();
        double[] xs = new double[n * n];
        double[] ys = new double[n * n];
        double[] zs = new double[n * n];
        long max = 0;
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                long value = cell(matrix, row, col);
                int i = row * n + col;
                xs[i] = col;
                ys[i] = row;
                zs[i] = value;
                max = Math.max(max, value);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("confusion", new double[][] {xs, ys, zs});

        String[] names = labels.toArray(String[]::new);
        SymbolAxis predicted = new SymbolAxis("predicted label", names);
        SymbolAxis truth = new SymbolAxis("true label", names);
        truth.setInverted(true);
        for (SymbolAxis axis : List.of(predicted, truth)) {
            axis.setGridBandsVisible(false);
            axis.setLowerMargin(0);
            axis.setUpperMargin(0);
            axis.setRange(-0.5, n - 0.5);
        }
        double top = Math.max(1, max);
        LookupPaintScale scale = new LookupPaintScale(0, top + 1e-9, LOW);
        for (int s = 0; s < SHADES; s++) {
            scale.add(top * s / SHADES, shade((double) s / (SHADES - 1)));
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, predicted, truth, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 14);
        for (int i = 0; i < zs.length; i++) {
            XYTextAnnotation text = new XYTextAnnotation(Long.toString((long) zs[i]), xs[i], ys[i]);
            text.setFont(font);
            text.setPaint(zs[i] > top / 2 ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(text);
        }
        JFreeChart chart = new JFreeChart("Confusion matrix (" + stats.evaluated() + " labelled and predicted"
                + (stats.accuracy() == null ? "" : String.format(", accuracy %.2f", stats.accuracy())) + ")",
                JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis legendAxis = new NumberAxis("comments");
        legendAxis.setRange(0, top);
        legendAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(14);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return png(chart, width, height);
    }

    private static long count(Map<String, Long> counts, String label) {
        Long value = counts == null ? null : counts.get(label);
        return value == null ? 0 : value;
    }

    private static long cell(List<List<Long>> matrix, int row, int col) {
        if (matrix == null || row >= matrix.size() || matrix.get(row) == null || col >= matrix.get(row).size()) {
            return 0;
        }
        Long value = matrix.get(row).get(col);
        return value == null ? 0 : value;
    }

    private static Color shade(double t) {
        return new Color(
                (int) Math.round(LOW.getRed() + t * (HIGH.getRed() - LOW.getRed())),
                (int) Math.round(LOW.getGreen() + t * (HIGH.getGreen() - LOW.getGreen())),
                (int) Math.round(LOW.getBlue() + t * (HIGH.getBlue() - LOW.getBlue())));
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
