package ai.datasuite.retrieval.projection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG scatter plots of projections (JFreeChart, as the EDA charts): points coloured by label, or words drawn. */
public final class ScatterChart {

    /** Labels beyond this many (the most frequent kept) are drawn as one "other" series, so the legend stays legible. */
    static final int MAX_LABELS = 20;
    static final String NO_LABEL = "(no label)";
    static final String OTHER = "(other)";
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
        new Color(0xaec7e8), new Color(0xffbb78), new Color(0x98df8a), new Color(0xff9896), new Color(0xc5b0d5),
        new Color(0xc49c94), new Color(0xf7b6d2), new Color(0xc7c7c7), new Color(0xdbdb8d), new Color(0x9edae5)};

    /** A point of a labelled scatter. */
    public record Point(double x, double y, String label) {
    }

    /** A word at its place, drawn larger the more often it occurs. */
    public record Word(double x, double y, String word, int count) {
    }

    private ScatterChart() {
    }

    /** One series per label (most frequent first, the rest "(other)"), with a legend. */
    public static byte[] labelled(String title, List<Point> points, int width, int height) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Point p : points) {
            counts.merge(label(p), 1, Integer::sum);
        }
        List<String> order = new ArrayList<>(counts.keySet());
        order.sort(Comparator.comparing((String l) -> -counts.get(l)).thenComparing(Comparator.naturalOrder()));
        List<String> shown = order.size() > MAX_LABELS ? order.subList(0, MAX_LABELS - 1) : order;
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (String label : shown) {
            series.put(label, new XYSeries(label, false, true));
        }
        XYSeries other = new XYSeries(OTHER, false, true);
        for (Point p : points) {
            series.getOrDefault(label(p), other).add(p.x(), p.y());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        if (other.getItemCount() > 0) {
            data.addSeries(other);
        }
        JFreeChart chart = ChartFactory.createScatterPlot(title, "t-SNE 1", "t-SNE 2", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = style(chart);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
            Color c = OTHER.equals(data.getSeriesKey(s)) ? Color.GRAY : PALETTE[s % PALETTE.length];
            renderer.setSeriesPaint(s, new Color(c.getRed(), c.getGreen(), c.getBlue(), 190));
            renderer.setSeriesOutlineStroke(s, new BasicStroke(0f));
        }
        return png(chart.createBufferedImage(width, height));
    }

    /** Each word as text at its point, font size from 9 to 22 by the square root of its count. */
    public static byte[] words(String title, List<Word> words, int width, int height) {
        XYSeries series = new XYSeries("words", false, true);
        int max = 1;
        for (Word w : words) {
            series.add(w.x(), w.y());
            max = Math.max(max, w.count());
        }
        JFreeChart chart = ChartFactory.createScatterPlot(title, "t-SNE 1", "t-SNE 2",
                new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = style(chart);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesShape(0, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        renderer.setSeriesPaint(0, new Color(0x4C, 0x72, 0xB0, 120));
        for (Word w : words) {
            int size = 9 + (int) Math.round(13 * Math.sqrt((double) w.count() / max));
            XYTextAnnotation text = new XYTextAnnotation(w.word(), w.x(), w.y());
            text.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
            text.setPaint(new Color(0x33, 0x33, 0x33));
            plot.addAnnotation(text);
        }
        return png(chart.createBufferedImage(width, height));
    }

    private static String label(Point p) {
        return p.label() == null || p.label().isBlank() ? NO_LABEL : p.label();
    }

    private static XYPlot style(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
