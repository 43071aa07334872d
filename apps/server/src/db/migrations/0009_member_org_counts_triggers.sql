-- member_org_counts (org, status) is kept exact by the same statement triggers as member_counts:
-- the trigger function below (a new version of 0005's) adds up a statement's changes per
-- (org, home county, host district, status) group as before, applies them to member_counts, then
-- adds those group changes up per (org, status) and applies them to member_org_counts. The
-- transition tables are read once. Every transaction locks member_counts rows before
-- member_org_counts rows, each in key order.

-- No member may be written between the new trigger function and the fill below.
LOCK TABLE members IN SHARE ROW EXCLUSIVE MODE;
--> statement-breakpoint
-- Adds deltas to (org, status) pairs (aligned arrays, each pair once), in key order; pairs that
-- reach 0 are deleted. The same rules as member_counts_add.
CREATE FUNCTION member_org_counts_add(org_ids integer[], statuses text[], deltas integer[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org_ids IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO member_org_counts AS c (org_id, status, n)
  SELECT * FROM unnest(org_ids, statuses, deltas)
  ORDER BY 1, 2
  ON CONFLICT (org_id, status) DO UPDATE SET n = c.n + excluded.n;
  -- Only a pair that lost members can have reached 0.
  DELETE FROM member_org_counts c
  USING unnest(org_ids, statuses, deltas) AS g(org_id, status, d)
  WHERE g.d < 0 AND c.n = 0 AND c.org_id = g.org_id AND c.status = g.status;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_counts_after_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org_ids integer[];
  counties text[];
  hosts text[];
  statuses text[];
  deltas integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(org_id), array_agg(home_county), array_agg(host_district), array_agg(status), array_agg(d)
    INTO org_ids, counties, hosts, statuses, deltas
    FROM (SELECT org_id, home_county, coalesce(host_district, '') AS host_district, status, count(*)::int AS d
          FROM new_rows GROUP BY 1, 2, 3, 4) g;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(org_id), array_agg(home_county), array_agg(host_district), array_agg(status), array_agg(d)
    INTO org_ids, counties, hosts, statuses, deltas
    FROM (SELECT org_id, home_county, coalesce(host_district, '') AS host_district, status, -count(*)::int AS d
          FROM old_rows GROUP BY 1, 2, 3, 4) g;
  ELSE
    -- An update that changes no group's key (a name, a phone, an org path) nets to nothing.
    SELECT array_agg(org_id), array_agg(home_county), array_agg(host_district), array_agg(status), array_agg(d)
    INTO org_ids, counties, hosts, statuses, deltas
    FROM (SELECT org_id, home_county, host_district, status, sum(d)::int AS d
          FROM (SELECT org_id, home_county, coalesce(host_district, '') AS host_district, status, 1 AS d
                FROM new_rows
                UNION ALL
                SELECT org_id, home_county, coalesce(host_district, ''), status, -1
                FROM old_rows) x
          GROUP BY 1, 2, 3, 4
          HAVING sum(d) <> 0) g;
  END IF;
  PERFORM member_counts_add(org_ids, counties, hosts, statuses, deltas);
  -- A pair's change is the sum of its groups' changes; a move between counties or districts within
  -- one org and status nets to nothing here and writes nothing.
  PERFORM member_org_counts_add(array_agg(org_id), array_agg(status), array_agg(d))
  FROM (SELECT org_id, status, sum(d)::int AS d
        FROM unnest(org_ids, statuses, deltas) AS g(org_id, status, d)
        GROUP BY 1, 2
        HAVING sum(d) <> 0) p;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_counts_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM member_counts;
  DELETE FROM member_org_counts;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- member_counts is exact, and members are locked: adding up its groups is the same as counting
-- members, in milliseconds rather than a scan of the whole table.
INSERT INTO member_org_counts (org_id, status, n)
SELECT org_id, status, sum(n)::int
FROM member_counts
GROUP BY 1, 2;
--> statement-breakpoint
ANALYZE member_org_counts;
