-- member_counts is kept exact by the database: statement-level triggers on members read the
-- rows a statement inserted, deleted or changed (transition tables), add up the change per
-- (org, home county, host district, status) group and apply it in one upsert. A COPY of
-- 50,000 rows costs one aggregate and at most one upsert per group, not 50,000 row triggers.

-- Adds deltas to groups (the arrays are aligned, one entry per group, each group once). Rows are
-- upserted in key order, so two transactions touching the same groups lock them in the same
-- order and do not deadlock; groups that reach 0 are deleted.
CREATE FUNCTION member_counts_add(
  org_ids integer[], counties text[], hosts text[], statuses text[], deltas integer[]
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org_ids IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO member_counts AS c (org_id, home_county, host_district, status, n)
  SELECT * FROM unnest(org_ids, counties, hosts, statuses, deltas)
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (org_id, home_county, host_district, status) DO UPDATE SET n = c.n + excluded.n;
  -- Only a group that lost members can have reached 0.
  DELETE FROM member_counts c
  USING unnest(org_ids, counties, hosts, statuses, deltas) AS g(org_id, home_county, host_district, status, d)
  WHERE g.d < 0 AND c.n = 0
    AND c.org_id = g.org_id AND c.home_county = g.home_county
    AND c.host_district = g.host_district AND c.status = g.status;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION member_counts_after_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM member_counts_add(array_agg(org_id), array_agg(home_county), array_agg(host_district),
                              array_agg(status), array_agg(d))
    FROM (SELECT org_id, home_county, coalesce(host_district, '') AS host_district, status, count(*)::int AS d
          FROM new_rows GROUP BY 1, 2, 3, 4) g;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM member_counts_add(array_agg(org_id), array_agg(home_county), array_agg(host_district),
                              array_agg(status), array_agg(d))
    FROM (SELECT org_id, home_county, coalesce(host_district, '') AS host_district, status, -count(*)::int AS d
          FROM old_rows GROUP BY 1, 2, 3, 4) g;
  ELSE
    -- An update that changes no group's key (a name, a phone, an org path) nets to nothing.
    PERFORM member_counts_add(array_agg(org_id), array_agg(home_county), array_agg(host_district),
                              array_agg(status), array_agg(d))
    FROM (SELECT org_id, home_county, host_district, status, sum(d)::int AS d
          FROM (SELECT org_id, home_county, coalesce(host_district, '') AS host_district, status, 1 AS d
                FROM new_rows
                UNION ALL
                SELECT org_id, home_county, coalesce(host_district, ''), status, -1
                FROM old_rows) x
          GROUP BY 1, 2, 3, 4
          HAVING sum(d) <> 0) g;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION member_counts_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM member_counts;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- No member may be written between the triggers' creation and the fill below.
LOCK TABLE members IN SHARE ROW EXCLUSIVE MODE;
--> statement-breakpoint
CREATE TRIGGER member_counts_insert AFTER INSERT ON members
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION member_counts_after_change();
--> statement-breakpoint
CREATE TRIGGER member_counts_update AFTER UPDATE ON members
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION member_counts_after_change();
--> statement-breakpoint
CREATE TRIGGER member_counts_delete AFTER DELETE ON members
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION member_counts_after_change();
--> statement-breakpoint
CREATE TRIGGER member_counts_truncate AFTER TRUNCATE ON members
  FOR EACH STATEMENT EXECUTE FUNCTION member_counts_after_truncate();
--> statement-breakpoint
INSERT INTO member_counts (org_id, home_county, host_district, status, n)
SELECT org_id, home_county, coalesce(host_district, ''), status, count(*)::int
FROM members
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
ANALYZE member_counts;
