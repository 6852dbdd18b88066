package ai.datasuite.metadata.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * PNG bar charts drawn by JFreeChart without a display: one chart, or several panels one under the other. Callers
 * give categories and values ({@link Bars}); nothing here knows tasks or evaluations.
 */
public final class BarCharts {

    static {
        // Before any AWT class loads: the service runs on servers and in containers without a display.
        System.setProperty("java.awt.headless", "true");
    }

    public static final String MEDIA_TYPE = "image/png";

    private BarCharts() {
    }

    /** One bar chart's data: per category, one bar per series, in the order added. */
    public static final class Bars {

        private final String title;
        private final String categoryLabel;
        private final String valueLabel;
        private final DefaultCategoryDataset data = new DefaultCategoryDataset();
        private boolean horizontal;
        private boolean integers;

        public Bars(String title, String categoryLabel, String valueLabel) {
            this.title = title;
            this.categoryLabel = categoryLabel;
            this.valueLabel = valueLabel;
        }

        public Bars add(String series, String category, Number value) {
            data.addValue(value, series, category);
            return this;
        }

        /** Bars along the horizontal axis: room for long category names. */
        public Bars horizontal() {
            horizontal = true;
            return this;
        }

        /** Whole-number ticks on the value axis (counts). */
        public Bars integers() {
            integers = true;
            return this;
        }

        JFreeChart chart() {
            JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel, data,
                    horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, data.getRowCount() > 1,
                    false, false);
            chart.setBackgroundPaint(Color.WHITE);
            CategoryPlot plot = chart.getCategoryPlot();
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
            plot.setNoDataMessage("No data");
            ((BarRenderer) plot.getRenderer()).setBarPainter(new StandardBarPainter());
            ((BarRenderer) plot.getRenderer()).setShadowVisible(false);
            if (integers) {
                ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            return chart;
        }
    }

    /** One chart as PNG bytes. */
    public static byte[] png(Bars bars, int width, int height) {
        return panels(List.of(bars), width, height);
    }

    /** The charts one under the other, each {@code panelHeight} high, in one PNG. */
    public static byte[] panels(List<Bars> charts, int width, int panelHeight) {
        BufferedImage image = new BufferedImage(width, panelHeight * charts.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).chart().draw(g, new Rectangle2D.Double(0, (double) i * panelHeight, width, panelHeight));
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
