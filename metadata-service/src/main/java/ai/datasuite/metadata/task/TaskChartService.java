package ai.datasuite.metadata.task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ai.datasuite.metadata.chart.BarCharts;
import ai.datasuite.metadata.config.MetadataConfig;

/** The task charts: counted in SQL where a GROUP BY can (file names, step and tool counts), tools parsed here. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TaskChartService {

    /** Category of tasks without a file. */
    public static final String NO_FILE = "none";
    /** Category of tasks without a recorded count. */
    public static final String UNKNOWN = "unknown";

    private static final int WIDTH = 900;
    private static final int PANEL_HEIGHT = 480;
    // A tool line's list marker: "1.", "2)", "-", "*", "•".
    private static final Pattern MARKER = Pattern.compile("^(\\d+\\s*[.)]|[-*•])\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<String> NO_TOOL = Set.of("none", "no tools", "no tool", "n/a", "na", "-");

    private final TaskRepository tasks;
    private final MetadataConfig.Tasks limits;

    public TaskChartService(TaskRepository tasks, MetadataConfig config) {
        this.tasks = tasks;
        this.limits = config.tasks();
    }

    public TaskChartViews.FileTypes fileTypes() {
        Map<String, Long> perType = new HashMap<>();
        long total = 0;
        for (Object[] row : groups("t.fileName")) {
            long count = (Long) row[1];
            perType.merge(fileType((String) row[0]), count, Long::sum);
            total += count;
        }
        return new TaskChartViews.FileTypes(total, mostFirst(perType));
    }

    public byte[] fileTypesPng() {
        TaskChartViews.FileTypes data = fileTypes();
        BarCharts.Bars bars = new BarCharts.Bars("Tasks per file type (" + data.totalTasks() + " tasks)",
                "file type", "tasks").integers();
        data.fileTypes().forEach(c -> bars.add("tasks", c.key(), c.count()));
        return BarCharts.png(bars, WIDTH, PANEL_HEIGHT);
    }

    public TaskChartViews.Annotations annotations() {
        List<TaskChartViews.Count> steps = distribution(groups("t.numberOfSteps"));
        List<TaskChartViews.Count> tools = distribution(groups("t.numberOfTools"));
        long total = steps.stream().mapToLong(TaskChartViews.Count::count).sum();
        Map<String, Long> perTool = new HashMap<>();
        List<String> texts = tasks.getEntityManager()
                .createQuery("select t.tools from Task t where t.tools is not null", String.class).getResultList();
        for (String text : texts) {
            // A tool named twice in one task counts once: the bars are tasks, not mentions.
            for (String tool : tools(text)) {
                perTool.merge(tool, 1L, Long::sum);
            }
        }
        List<TaskChartViews.Count> used = mostFirst(perTool);
        return new TaskChartViews.Annotations(total, steps, tools,
                used.subList(0, Math.min(used.size(), limits.chartTopTools())), perTool.size());
    }

    /** Three panels: steps per task, tools per task, the most used tools. */
    public byte[] annotationsPng() {
        TaskChartViews.Annotations data = annotations();
        BarCharts.Bars steps = new BarCharts.Bars("Number of steps (" + data.totalTasks() + " tasks)", "steps",
                "tasks").integers();
        data.numberOfSteps().forEach(c -> steps.add("tasks", c.key(), c.count()));
        BarCharts.Bars tools = new BarCharts.Bars("Number of tools", "tools", "tasks").integers();
        data.numberOfTools().forEach(c -> tools.add("tasks", c.key(), c.count()));
        BarCharts.Bars used = new BarCharts.Bars("Most used tools (" + data.tools().size() + " of "
                + data.distinctTools() + ")", "tool", "tasks").horizontal().integers();
        data.tools().forEach(c -> used.add("tasks", c.key(), c.count()));
        return BarCharts.panels(List.of(steps, tools, used), WIDTH, PANEL_HEIGHT);
    }

    /** The lower-case extension of the file's name ({@code a/b.XLSX} gives {@code xlsx}), {@value #NO_FILE} without. */
    static String fileType(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return NO_FILE;
        }
        String name = fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : NO_FILE;
    }

    /** The tools a task's Tools text names: one a line, list markers and end punctuation dropped, lower case. */
    static Set<String> tools(String text) {
        Set<String> found = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            String tool = MARKER.matcher(line.strip()).replaceFirst("");
            tool = SPACES.matcher(tool).replaceAll(" ").replaceAll("[\\s.,;:]+$", "").strip().toLowerCase(Locale.ROOT);
            if (!tool.isEmpty() && !NO_TOOL.contains(tool)) {
                found.add(tool);
            }
        }
        return found;
    }

    private List<Object[]> groups(String field) {
        return tasks.getEntityManager()
                .createQuery("select " + field + ", count(t) from Task t group by " + field, Object[].class)
                .getResultList();
    }

    /** Counts per whole number ascending, then {@value #UNKNOWN} for rows without one. */
    private static List<TaskChartViews.Count> distribution(List<Object[]> rows) {
        List<TaskChartViews.Count> counts = new ArrayList<>();
        long unknown = 0;
        List<Object[]> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(r -> r[0] == null ? Integer.MAX_VALUE : (Integer) r[0]));
        for (Object[] row : sorted) {
            if (row[0] == null) {
                unknown += (Long) row[1];
            } else {
                counts.add(new TaskChartViews.Count(String.valueOf(row[0]), (Long) row[1]));
            }
        }
        if (unknown > 0) {
            counts.add(new TaskChartViews.Count(UNKNOWN, unknown));
        }
        return counts;
    }

    private static List<TaskChartViews.Count> mostFirst(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new TaskChartViews.Count(e.getKey(), e.getValue()))
                .toList();
    }
}
