package ai.datasuite.metadata.evaluation;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** PNG drawings of the evaluation charts (JFreeChart, without a display). */
@ApplicationScoped
public class EvaluationCharts {

    static {
        // Before any AWT class loads: the service runs on servers and in containers without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;

    /** Grouped bars: per level, one bar per run (its accuracy; no bar while nothing of that level is done). */
    public byte[] accuracy(ChartViews.Accuracy data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (ChartViews.RunAccuracy run : data.runs()) {
            String series = run.model() + " (" + run.id().substring(0, Math.min(8, run.id().length())) + ")";
            for (int level : data.levels()) {
                Double accuracy = run.byLevel().stream().filter(l -> l.level() == level).findFirst()
                        .map(ChartViews.LevelAccuracy::accuracy).orElse(null);
                dataset.addValue(accuracy, series, "Level " + level);
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Accuracy per level", "level", "accuracy (correct / done)",
                dataset, PlotOrientation.VERTICAL, true, false, false);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 1);
        return png(chart);
    }

    public byte[] latency(ChartViews.Latency data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (ChartViews.LatencyBin bin : data.bins()) {
            dataset.addValue(bin.count(), "tasks", bin.fromMs() + "–" + bin.toMs());
        }
        JFreeChart chart = ChartFactory.createBarChart("Latency of " + data.count() + " finished tasks",
                "latency (ms)", "tasks", dataset, PlotOrientation.VERTICAL, false, false, false);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis())
                .setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return png(chart);
    }

    /** Stacked bars per level: right→wrong, wrong→right, stayed right, stayed wrong. */
    public byte[] flips(ChartViews.Flips data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (CompareView.LevelFlips level : data.byLevel()) {
            String category = "Level " + level.level();
            dataset.addValue(level.rightToWrong(), "right → wrong", category);
            dataset.addValue(level.wrongToRight(), "wrong → right", category);
            dataset.addValue(level.stayedRight(), "stayed right", category);
            dataset.addValue(level.stayedWrong(), "stayed wrong", category);
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Flips between the runs (" + data.commonTasks()
                + " tasks finished in both)", "level", "tasks", dataset, PlotOrientation.VERTICAL, true, false, false);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis())
                .setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        var renderer = chart.getCategoryPlot().getRenderer();
        renderer.setSeriesPaint(0, new Color(0xD62728));
        renderer.setSeriesPaint(1, new Color(0x2CA02C));
        renderer.setSeriesPaint(2, new Color(0xA6D96A));
        renderer.setSeriesPaint(3, new Color(0xBDBDBD));
        return png(chart);
    }

    private static byte[] png(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
