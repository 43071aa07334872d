-- Chinese names are mostly 2-3 characters: a trigram index cannot serve a 2-character
-- substring. Index the name's 2-character pieces instead; a search for any substring of
-- 2 or more characters asks for rows holding all of its pieces (@>) and rechecks with LIKE.
CREATE FUNCTION name_bigrams(name text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT coalesce(array_agg(DISTINCT substr(name, i, 2)), '{}'::text[])
    FROM generate_series(1, char_length(name) - 1) AS i
  $$;
--> statement-breakpoint
CREATE INDEX members_name_bigrams_idx ON members USING gin (name_bigrams(name));
