-- Trigram matching for short and partial queries (staff search, duplicate
-- detection). On a managed server where the application role may not create
-- extensions, an administrator runs this statement once by hand.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
