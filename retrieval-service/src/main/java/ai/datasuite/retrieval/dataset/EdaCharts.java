package ai.datasuite.retrieval.dataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.kennycason.kumo.CollisionMode;
import com.kennycason.kumo.WordCloud;
import com.kennycason.kumo.WordFrequency;
import com.kennycason.kumo.bg.RectangleBackground;
import com.kennycason.kumo.font.KumoFont;
import com.kennycason.kumo.font.scale.SqrtFontScalar;
import com.kennycason.kumo.palette.ColorPalette;
import com.kennycason.kumo.wordstart.CenterWordStart;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNGs of an EDA result: the length histograms (JFreeChart, one panel per field and measure), the t-SNE scatter plot
 * (JFreeChart) and a word cloud of the top words (Kumo, MIT licence). All render headless.
 */
final class EdaCharts {

    private static final Color BAR = new Color(0x4C72B0);
    private static final int PANEL_WIDTH = 520;
    private static final int PANEL_HEIGHT = 300;

    private EdaCharts() {
    }

    /** A 3 x 2 grid: rows context, question, answer; columns words, characters. */
    public static byte[] lengths(EdaView eda) {
        List<String> fields = List.copyOf(eda.lengths().keySet());
        BufferedImage image = new BufferedImage(2 * PANEL_WIDTH, fields.size() * PANEL_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int row = 0; row < fields.size(); row++) {
                EdaView.FieldLengths lengths = eda.lengths().get(fields.get(row));
                histogram(fields.get(row) + " length (words)", "words", lengths.words())
                        .draw(g, new Rectangle2D.Double(0, row * PANEL_HEIGHT, PANEL_WIDTH, PANEL_HEIGHT));
                histogram(fields.get(row) + " length (characters)", "characters", lengths.characters())
                        .draw(g, new Rectangle2D.Double(PANEL_WIDTH, row * PANEL_HEIGHT, PANEL_WIDTH, PANEL_HEIGHT));
            }
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private static JFreeChart histogram(String title, String unit, EdaView.Distribution distribution) {
        XYIntervalSeries series = new XYIntervalSeries("texts");
        for (EdaView.Bin bin : distribution.bins()) {
            // A bin holds whole numbers from..to, so it spans [from - 0.5, to + 0.5] on the axis.
            double mid = (bin.from() + bin.to()) / 2.0;
            series.add(mid, bin.from() - 0.5, bin.to() + 0.5, bin.count(), bin.count(), bin.count());
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);
        EdaView.Stats stats = distribution.stats();
        JFreeChart chart = ChartFactory.createXYBarChart(title, unit, false, "texts", data,
                PlotOrientation.VERTICAL, false, false, false);
        chart.addSubtitle(new org.jfree.chart.title.TextTitle(String.format(java.util.Locale.ROOT,
                "n=%d  min=%d  median=%.1f  mean=%.1f  p95=%.1f  max=%d", stats.count(), stats.min(),
                stats.median(), stats.mean(), stats.p95(), stats.max())));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, BAR);
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setSeriesOutlinePaint(0, Color.WHITE);
        return chart;
    }

    /** The t-SNE points; an empty plot (with the note as subtitle) when there are none. */
    public static byte[] tsne(EdaView eda, int width, int height) {
        XYSeries series = new XYSeries("contexts", false, true);
        for (EdaView.Point point : eda.tsne().points()) {
            series.add(point.x(), point.y());
        }
        JFreeChart chart = ChartFactory.createScatterPlot(
                "t-SNE of context TF-IDF vectors (" + eda.tsne().contextsProjected() + " contexts)",
                "t-SNE 1", "t-SNE 2", new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
        if (eda.tsne().note() != null) {
            chart.addSubtitle(new org.jfree.chart.title.TextTitle(eda.tsne().note()));
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        renderer.setSeriesPaint(0, new Color(0x4C, 0x72, 0xB0, 170));
        renderer.setSeriesOutlineStroke(0, new BasicStroke(0f));
        return png(chart.createBufferedImage(width, height));
    }

    /** The top words, font size by the square root of the count, placed from the centre outwards. */
    public static byte[] wordCloud(EdaView eda, int width, int height) {
        Dimension dimension = new Dimension(width, height);
        WordCloud cloud = new WordCloud(dimension, CollisionMode.PIXEL_PERFECT);
        cloud.setPadding(2);
        cloud.setBackground(new RectangleBackground(dimension));
        cloud.setBackgroundColor(Color.WHITE);
        cloud.setKumoFont(new KumoFont(new Font(Font.SANS_SERIF, Font.BOLD, 12)));
        cloud.setColorPalette(new ColorPalette(new Color(0x4C72B0), new Color(0xDD8452), new Color(0x55A868),
                new Color(0xC44E52), new Color(0x8172B3), new Color(0x937860)));
        cloud.setFontScalar(new SqrtFontScalar(12, Math.max(24, height / 8)));
        cloud.setWordStartStrategy(new CenterWordStart());
        // A mutable list: Kumo sorts it in place.
        List<WordFrequency> words = new ArrayList<>();
        eda.topWords().forEach(w -> words.add(new WordFrequency(w.word(), (int) Math.min(Integer.MAX_VALUE, w.count()))));
        if (!words.isEmpty()) {
            cloud.build(words);
        }
        return png(cloud.getBufferedImage());
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

    /** The chart kinds served as {@code <kind>.png}. */
    public static final Map<String, String> KINDS = Map.of(
            "lengths", "length histograms", "tsne", "t-SNE scatter plot", "wordcloud", "word cloud");
}
