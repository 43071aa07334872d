-- member_facet_counts is kept exact like member_counts (0005): statement-level triggers on
-- members read the rows a statement inserted, deleted or changed (transition tables), expand
-- each row into its facet values (birth year, year joined, education, member type, source,
-- gender, one row per distinct tag), add up the change per (facet, org, home county, host
-- district, status, value) and apply it in one upsert. Unknown values are ''. The triggers are
-- named after member_counts' and so fire after them: every transaction locks member_counts rows
-- before member_facet_counts rows, each in key order.

-- The facet values of one member, from its columns: used by the trigger function below and by
-- the fill at the end.
CREATE FUNCTION member_facet_values(
  birth_date date, joined_at date, education text, member_type text, source text, gender text, tags text[]
) RETURNS TABLE (facet text, value text) LANGUAGE sql IMMUTABLE AS $$
  SELECT * FROM (VALUES
    ('birth_year', coalesce(extract(year FROM birth_date)::int::text, '')),
    ('joined_year', coalesce(extract(year FROM joined_at)::int::text, '')),
    ('education', coalesce(education, '')),
    ('member_type', coalesce(member_type, '')),
    ('source', coalesce(source, '')),
    ('gender', coalesce(gender, ''))
  ) v(facet, value)
  UNION ALL
  SELECT DISTINCT 'tag', t FROM unnest(tags) t WHERE t IS NOT NULL;
$$;
--> statement-breakpoint
-- Adds deltas to rows (aligned arrays, each row key once), in key order; rows that reach 0 are
-- deleted. The same rules as member_counts_add.
CREATE FUNCTION member_facet_counts_add(
  facets text[], org_ids integer[], counties text[], hosts text[], statuses text[], vals text[], deltas integer[]
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF facets IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO member_facet_counts AS c (facet, org_id, home_county, host_district, status, value, n)
  SELECT * FROM unnest(facets, org_ids, counties, hosts, statuses, vals, deltas)
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (facet, org_id, home_county, host_district, status, value) DO UPDATE SET n = c.n + excluded.n;
  -- Only a row that lost members can have reached 0.
  DELETE FROM member_facet_counts c
  USING unnest(facets, org_ids, counties, hosts, statuses, vals, deltas)
    AS g(facet, org_id, home_county, host_district, status, value, d)
  WHERE g.d < 0 AND c.n = 0
    AND c.facet = g.facet AND c.org_id = g.org_id AND c.home_county = g.home_county
    AND c.host_district = g.host_district AND c.status = g.status AND c.value = g.value;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION member_facet_counts_after_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM member_facet_counts_add(array_agg(facet), array_agg(org_id), array_agg(home_county),
                                    array_agg(host_district), array_agg(status), array_agg(value), array_agg(d))
    FROM (SELECT f.facet, r.org_id, r.home_county, coalesce(r.host_district, '') AS host_district, r.status,
                 f.value, count(*)::int AS d
          FROM new_rows r,
               member_facet_values(r.birth_date, r.joined_at, r.education, r.member_type, r.source, r.gender, r.tags) f
          GROUP BY 1, 2, 3, 4, 5, 6) g;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM member_facet_counts_add(array_agg(facet), array_agg(org_id), array_agg(home_county),
                                    array_agg(host_district), array_agg(status), array_agg(value), array_agg(d))
    FROM (SELECT f.facet, r.org_id, r.home_county, coalesce(r.host_district, '') AS host_district, r.status,
                 f.value, -count(*)::int AS d
          FROM old_rows r,
               member_facet_values(r.birth_date, r.joined_at, r.education, r.member_type, r.source, r.gender, r.tags) f
          GROUP BY 1, 2, 3, 4, 5, 6) g;
  ELSE
    -- An update that changes no facet or group (a name, a phone, an org path) nets to nothing.
    PERFORM member_facet_counts_add(array_agg(facet), array_agg(org_id), array_agg(home_county),
                                    array_agg(host_district), array_agg(status), array_agg(value), array_agg(d))
    FROM (SELECT f.facet, r.org_id, r.home_county, coalesce(r.host_district, '') AS host_district, r.status,
                 f.value, sum(r.d)::int AS d
          FROM (SELECT org_id, home_county, host_district, status, birth_date, joined_at, education,
                       member_type, source, gender, tags, 1 AS d
                FROM new_rows
                UNION ALL
                SELECT org_id, home_county, host_district, status, birth_date, joined_at, education,
                       member_type, source, gender, tags, -1
                FROM old_rows) r,
               member_facet_values(r.birth_date, r.joined_at, r.education, r.member_type, r.source, r.gender, r.tags) f
          GROUP BY 1, 2, 3, 4, 5, 6
          HAVING sum(r.d) <> 0) g;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION member_facet_counts_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM member_facet_counts;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- No member may be written between the triggers' creation and the fill below.
LOCK TABLE members IN SHARE ROW EXCLUSIVE MODE;
--> statement-breakpoint
CREATE TRIGGER member_facet_counts_insert AFTER INSERT ON members
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION member_facet_counts_after_change();
--> statement-breakpoint
CREATE TRIGGER member_facet_counts_update AFTER UPDATE ON members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION member_facet_counts_after_change();
--> statement-breakpoint
CREATE TRIGGER member_facet_counts_delete AFTER DELETE ON members
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION member_facet_counts_after_change();
--> statement-breakpoint
CREATE TRIGGER member_facet_counts_truncate AFTER TRUNCATE ON members
  FOR EACH STATEMENT EXECUTE FUNCTION member_facet_counts_after_truncate();
--> statement-breakpoint
INSERT INTO member_facet_counts (facet, org_id, home_county, host_district, status, value, n)
SELECT f.facet, m.org_id, m.home_county, coalesce(m.host_district, ''), m.status, f.value, count(*)::int
FROM members m,
     member_facet_values(m.birth_date, m.joined_at, m.education, m.member_type, m.source, m.gender, m.tags) f
GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
ANALYZE member_facet_counts;
