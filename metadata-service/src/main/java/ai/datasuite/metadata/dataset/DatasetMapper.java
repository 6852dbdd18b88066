package ai.datasuite.metadata.dataset;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Dataset entity to and from the API records; the column list is stored as a JSON array in one text column. */
@ApplicationScoped
class DatasetMapper {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final ObjectMapper objectMapper;

    public DatasetMapper(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * The entity for a create by {@code owner} (the caller's rule already applied to the body's owner); the id is the
     * caller's (lower-cased) or a new random UUID.
     */
    public Dataset toEntity(DatasetCreateRequest request, String owner) {
        Dataset dataset = new Dataset();
        dataset.setId(request.id() == null ? UUID.randomUUID().toString() : request.id().toLowerCase(Locale.ROOT));
        dataset.setName(request.name());
        dataset.setFileId(request.fileId().toLowerCase(Locale.ROOT));
        dataset.setOwnerId(owner);
        dataset.setRows(request.rows());
        dataset.setDistinctContexts(request.distinctContexts());
        dataset.setColumnNames(write(request.columns()));
        return dataset;
    }

    public DatasetView toView(Dataset dataset) {
        return new DatasetView(dataset.getId(), dataset.getName(), dataset.getFileId(), dataset.getRows(),
                dataset.getDistinctContexts(), read(dataset.getColumnNames()), dataset.getOwnerId(),
                dataset.getUploadedAt());
    }

    private String write(List<String> columns) {
        try {
            return objectMapper.writeValueAsString(columns);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    private List<String> read(String columns) {
        try {
            return objectMapper.readValue(columns, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("column_names of a dataset is not a JSON array of strings", e);
        }
    }
}
