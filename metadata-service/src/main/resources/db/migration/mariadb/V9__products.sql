-- MariaDB dialect of the product catalogs (issue 14); keep in step with ../h2 and ../mssql.
-- utf8mb4 VARCHAR counts code points, as the API's limits do; long texts are TEXT types so their limits
-- (metadata.products.*) stay configuration, not schema.
-- One row per imported catalog version: importing the same name again (same owner) makes version n+1.
CREATE TABLE product_catalogs (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_id        VARCHAR(128)  NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    version         INT           NOT NULL,
    source_name     VARCHAR(500),
    format          VARCHAR(16)   NOT NULL,
    -- The column mapping used ({"title": "product_name", ...}), as JSON.
    mapping_json    LONGTEXT      NOT NULL,
    row_count       INT           NOT NULL,
    parquet_file_id VARCHAR(255),
    created_at      DATETIME(6)   NOT NULL,
    -- Two concurrent imports of the same next version: the second insert fails and is answered 409 (retry).
    CONSTRAINT uq_product_catalogs_version UNIQUE (owner_id, name, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- row_no is the source file's 1-based data row (skipped rows leave gaps); the API calls it row_number.
CREATE TABLE products (
    id                      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    catalog_id              BIGINT        NOT NULL,
    row_no                  INT           NOT NULL,
    source_id               VARCHAR(255),
    title                   TEXT          NOT NULL,
    description             MEDIUMTEXT,
    category                VARCHAR(255),
    price                   DECIMAL(14, 2),
    -- Unmapped source columns as a JSON object of strings.
    attributes              LONGTEXT,
    predicted_category      VARCHAR(255),
    predicted_score         DOUBLE,
    predicted_mode          VARCHAR(32),
    predicted_model_version VARCHAR(255),
    categorized_at          DATETIME(6),
    CONSTRAINT uq_products_row UNIQUE (catalog_id, row_no),
    CONSTRAINT fk_products_catalog FOREIGN KEY (catalog_id) REFERENCES product_catalogs (id) ON DELETE CASCADE,
    INDEX ix_products_category (catalog_id, category),
    INDEX ix_products_predicted (catalog_id, predicted_category)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The data dictionary's edited column descriptions; a column without a row has its default description.
CREATE TABLE product_dictionary (
    catalog_id  BIGINT        NOT NULL,
    column_name VARCHAR(64)   NOT NULL,
    description VARCHAR(2000) NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    CONSTRAINT pk_product_dictionary PRIMARY KEY (catalog_id, column_name),
    CONSTRAINT fk_product_dictionary_catalog FOREIGN KEY (catalog_id) REFERENCES product_catalogs (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Named category lists of their owners; the built-in list 'default' lives in code, not here.
CREATE TABLE category_lists (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_id        VARCHAR(128)  NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    -- [{"name": "apparel", "description": "..."}], as JSON.
    categories_json LONGTEXT      NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    CONSTRAINT uq_category_lists UNIQUE (owner_id, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
