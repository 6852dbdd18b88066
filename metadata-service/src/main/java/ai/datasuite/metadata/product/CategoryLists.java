package ai.datasuite.metadata.product;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

import ai.datasuite.identity.Caller;
import ai.datasuite.metadata.common.InvalidField;
import ai.datasuite.metadata.common.Persistence;
import ai.datasuite.problem.ProblemException;

/**
 * Named category lists: the built-in 'default' (the seed's eight categories, read-only) and each owner's own.
 * A caller sees the built-in list and their own; an admin sees everyone's.
 */
@ApplicationScoped
@Transactional
public class CategoryLists {

    public static final String DEFAULT_NAME = "default";
    public static final CategoryListView DEFAULT = new CategoryListView(DEFAULT_NAME, true, null, List.of(
            new CategoryListView.Category("Health, Beauty",
                    "health and beauty products such as skin care, cosmetics, vitamins and personal care"),
            new CategoryListView.Category("Electronics, Computers",
                    "electronics and computers such as phones, laptops, cameras, audio and accessories"),
            new CategoryListView.Category("Home and Kitchen",
                    "home and kitchen goods such as furniture, decor, cookware, housewares and appliances"),
            new CategoryListView.Category("Clothing",
                    "clothing, shoes and fashion accessories such as shirts, dresses, bags and jewelry"),
            new CategoryListView.Category("Sports",
                    "sports and outdoor equipment such as fitness gear, camping and cycling"),
            new CategoryListView.Category("Office",
                    "office products such as stationery, pens, notebooks and office supplies"),
            new CategoryListView.Category("Movies, Music",
                    "movies, music and musical instruments"),
            new CategoryListView.Category("Books", "books, e-books and magazines")));
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final TypeReference<List<CategoryListView.Category>> CATEGORIES = new TypeReference<>() {
    };

    private final CategoryListRepository lists;
    private final ObjectMapper json;

    public CategoryLists(CategoryListRepository lists, ObjectMapper json) {
        this.lists = lists;
        this.json = json;
    }

    /** The built-in list first, then the visible stored ones by name and owner. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CategoryListView> list(Caller caller) {
        List<CategoryListView> out = new ArrayList<>();
        out.add(DEFAULT);
        Sort order = Sort.by("name").and("ownerId");
        List<CategoryList> stored = caller.isAdmin() ? lists.listAll(order) : lists.list("ownerId", order,
                caller.id());
        stored.stream().map(this::view).forEach(out::add);
        return out;
    }

    /** The caller's own list of that name; for an admin without one, the first other owner's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CategoryListView find(String name, Caller caller) {
        if (DEFAULT_NAME.equals(name)) {
            return DEFAULT;
        }
        return own(name, caller.id())
                .or(() -> caller.isAdmin() ? lists.find("name", Sort.by("ownerId"), name).firstResultOptional()
                        : Optional.empty())
                .map(this::view)
                .orElseThrow(() -> notFound(name));
    }

    public CategoryListView put(String name, CategoryListRequest request, String owner) {
        checkName(name);
        if (DEFAULT_NAME.equals(name)) {
            throw ProblemException.conflict("The list 'default' is built in and cannot be changed; save your"
                    + " categories under another name");
        }
        Set<String> seen = new HashSet<>();
        List<CategoryListView.Category> categories = new ArrayList<>();
        for (CategoryListView.Category category : request.categories()) {
            String categoryName = category.name().strip();
            if (!seen.add(categoryName)) {
                throw InvalidField.problem("categories", "names '" + categoryName + "' twice; names must be unique");
            }
            String description = category.description() == null || category.description().isBlank() ? null
                    : category.description().strip();
            categories.add(new CategoryListView.Category(categoryName, description));
        }
        CategoryList list = own(name, owner).orElseGet(() -> {
            CategoryList created = new CategoryList();
            created.setOwnerId(owner);
            created.setName(name);
            return created;
        });
        list.setCategoriesJson(write(categories));
        list.setUpdatedAt(Persistence.now());
        lists.persist(list);
        try {
            lists.flush();
        } catch (PersistenceException e) {
            if (Persistence.isConstraintViolation(e)) {
                throw Persistence.concurrentConflict("save of the list '" + name + "'");
            }
            throw e;
        }
        return view(list);
    }

    public void delete(String name, String owner) {
        if (DEFAULT_NAME.equals(name)) {
            throw ProblemException.conflict("The list 'default' is built in and cannot be deleted");
        }
        lists.delete(own(name, owner).orElseThrow(() -> notFound(name)));
    }

    private Optional<CategoryList> own(String name, String owner) {
        return lists.find("ownerId = ?1 and name = ?2", owner, name).firstResultOptional();
    }

    private CategoryListView view(CategoryList list) {
        try {
            List<CategoryListView.Category> categories = json.readValue(list.getCategoriesJson(), CATEGORIES);
            return new CategoryListView(list.getName(), false, list.getOwnerId(), categories);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored category list is unreadable", e);
        }
    }

    private String write(List<CategoryListView.Category> categories) {
        try {
            return json.writeValueAsString(categories);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The categories cannot be written as JSON", e);
        }
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw InvalidField.problem("name", "must be 1..100 letters, digits, '.', '_' or '-', starting with a"
                    + " letter or digit");
        }
    }

    private static ProblemException notFound(String name) {
        return ProblemException.notFound("No category list '" + name + "'");
    }
}
