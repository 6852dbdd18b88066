package ai.datasuite.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The GAIA-style snapshot folder {@code datasets/gaia-fixture} (see its README): its task ids, and the folder zipped
 * as a snapshot is downloaded ({@code 2023/validation/metadata.jsonl} and the files beside it).
 */
final class GaiaFixture {

    static final Path FOLDER = Path.of("..", "datasets", "gaia-fixture").toAbsolutePath().normalize();
    static final String METADATA = "2023/validation/metadata.jsonl";

    static final String TXT = "21fc558c-a8f9-4ced-ab83-ba5321ad0e1c";
    static final String CSV = "bc969ccd-c2e8-441e-9643-6a3cc46bb176";
    static final String XLSX = "1ca9e20a-f196-4150-a950-8ae4c7a8893e";
    static final String PDF = "5cf3bd78-000c-4034-9a12-641c8a17e2a3";
    static final String PNG = "608f8367-c95b-4d27-9493-08a5a551c775";
    static final String DOCX = "72da5398-9785-4819-bd42-0a463cbc800e";
    static final String ZIP = "5aa6f1d5-6fb5-4dba-8dea-3d6a5bb11d54";
    static final String HEXAGON = "79f14468-bc53-4998-b5c8-569bb41d3a2c";
    static final String MARS = "f5893690-1d33-419b-808d-a07b570e5c3c";
    /** Its row names a .pptx that is not in the folder. */
    static final String MISSING_FILE = "4170ad31-ae46-43b4-9490-654164f2f859";
    /** A file in the folder that no row names. */
    static final String EXTRA_FILE = "2023/validation/9c031bcd-2ced-4fc7-8893-2accb3a76898.html";

    /** A phrase of each task's question (a fake LLM can answer by it). */
    static final Map<String, String> PHRASES = Map.of(
            TXT, "host name in that address",
            CSV, "Square is listed for the Number 12",
            XLSX, "sum of all values in the Square column",
            PDF, "sponsors the incubation of Apache Tika",
            PNG, "What animal is shown in the attached photo",
            DOCX, "links to the web sites of two Apache projects",
            ZIP, "dc:subject values in the order they appear",
            HEXAGON, "How many sides does a hexagon have",
            MARS, "called the Red Planet",
            MISSING_FILE, "names a person in the title of its first slide");

    static final int TASKS = 10;
    /** The attached files in the folder: the seven tasks' and the extra one. */
    static final int FILES = 8;
    static final List<String> WITH_FILE_PRESENT = List.of(TXT, CSV, XLSX, PDF, PNG, DOCX, ZIP);

    private GaiaFixture() {
    }

    /** The {@code 2023} folder zipped with paths relative to the fixture (entries {@code 2023/validation/...}). */
    static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(FOLDER.resolve("2023"))) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(FOLDER.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
