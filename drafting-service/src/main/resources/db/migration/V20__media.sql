-- Uploaded media: the bytes live in the media store under storage_key; this is what is known about them.
CREATE TABLE media (
    id                UUID PRIMARY KEY,
    kind              TEXT NOT NULL,
    content_type      TEXT NOT NULL,
    size_bytes        BIGINT NOT NULL,
    sha256            TEXT NOT NULL,
    width             INT,
    height            INT,
    original_filename TEXT,
    alt_text          TEXT,
    caption           TEXT,
    storage_key       TEXT NOT NULL,
    uploaded_by       TEXT NOT NULL,
    uploaded_at       TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
