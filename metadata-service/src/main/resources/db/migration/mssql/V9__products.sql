-- SQL Server dialect of the product catalogs (issue 14); keep in step with ../h2 and ../mariadb.
-- Identifiers are binary-collated; texts are NVARCHAR sized in UTF-16 units (twice the code points allowed); long
-- texts are NVARCHAR(MAX) so their limits (metadata.products.*) stay configuration, not schema.
-- One row per imported catalog version: importing the same name again (same owner) makes version n+1.
CREATE TABLE product_catalogs (
    id              BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_product_catalogs PRIMARY KEY,
    owner_id        NVARCHAR(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    name            NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    version         INT            NOT NULL,
    source_name     NVARCHAR(1000),
    format          NVARCHAR(16)   NOT NULL,
    -- The column mapping used ({"title": "product_name", ...}), as JSON.
    mapping_json    NVARCHAR(MAX)  NOT NULL,
    row_count       INT            NOT NULL,
    parquet_file_id NVARCHAR(255),
    created_at      DATETIME2(6)   NOT NULL,
    -- Two concurrent imports of the same next version: the second insert fails and is answered 409 (retry).
    CONSTRAINT uq_product_catalogs_version UNIQUE (owner_id, name, version)
);

-- row_no is the source file's 1-based data row (skipped rows leave gaps); the API calls it row_number.
CREATE TABLE products (
    id                      BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_products PRIMARY KEY,
    catalog_id              BIGINT         NOT NULL,
    row_no                  INT            NOT NULL,
    source_id               NVARCHAR(510),
    title                   NVARCHAR(MAX)  NOT NULL,
    description             NVARCHAR(MAX),
    category                NVARCHAR(510),
    price                   DECIMAL(14, 2),
    -- Unmapped source columns as a JSON object of strings.
    attributes              NVARCHAR(MAX),
    predicted_category      NVARCHAR(510),
    predicted_score         FLOAT,
    predicted_mode          NVARCHAR(32),
    predicted_model_version NVARCHAR(510),
    categorized_at          DATETIME2(6),
    CONSTRAINT uq_products_row UNIQUE (catalog_id, row_no),
    CONSTRAINT fk_products_catalog FOREIGN KEY (catalog_id) REFERENCES product_catalogs (id) ON DELETE CASCADE
);
CREATE INDEX ix_products_category ON products (catalog_id, category);
CREATE INDEX ix_products_predicted ON products (catalog_id, predicted_category);

-- The data dictionary's edited column descriptions; a column without a row has its default description.
CREATE TABLE product_dictionary (
    catalog_id  BIGINT         NOT NULL,
    column_name NVARCHAR(64) COLLATE Latin1_General_100_BIN2 NOT NULL,
    description NVARCHAR(4000) NOT NULL,
    updated_at  DATETIME2(6)   NOT NULL,
    CONSTRAINT pk_product_dictionary PRIMARY KEY (catalog_id, column_name),
    CONSTRAINT fk_product_dictionary_catalog FOREIGN KEY (catalog_id) REFERENCES product_catalogs (id)
        ON DELETE CASCADE
);

-- Named category lists of their owners; the built-in list 'default' lives in code, not here.
CREATE TABLE category_lists (
    id              BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_category_lists PRIMARY KEY,
    owner_id        NVARCHAR(128) COLLATE Latin1_General_100_BIN2 NOT NULL,
    name            NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    -- [{"name": "apparel", "description": "..."}], as JSON.
    categories_json NVARCHAR(MAX)  NOT NULL,
    updated_at      DATETIME2(6)   NOT NULL,
    CONSTRAINT uq_category_lists UNIQUE (owner_id, name)
);
