-- member_facet_org_totals is member_facet_counts summed over home counties and host districts,
-- kept by the same statement triggers (0022): member_facet_counts_add, which every change goes
-- through, now applies the same deltas grouped by (facet, org, status, value) to it as well, last.
-- Every transaction thus locks member_counts rows, then member_facet_counts rows, then
-- member_facet_totals rows, then member_facet_org_totals rows, each in key order.

CREATE OR REPLACE FUNCTION member_facet_counts_add(
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

  -- The same deltas summed over orgs and host districts (a move between orgs nets to nothing).
  INSERT INTO member_facet_totals AS t (facet, home_county, status, value, n)
  SELECT g.facet, g.home_county, g.status, g.value, sum(g.d)::int
  FROM unnest(facets, counties, statuses, vals, deltas) AS g(facet, home_county, status, value, d)
  GROUP BY 1, 2, 3, 4
  HAVING sum(g.d) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (facet, home_county, status, value) DO UPDATE SET n = t.n + excluded.n;
  DELETE FROM member_facet_totals t
  USING unnest(facets, counties, statuses, vals, deltas) AS g(facet, home_county, status, value, d)
  WHERE g.d < 0 AND t.n = 0
    AND t.facet = g.facet AND t.home_county = g.home_county AND t.status = g.status AND t.value = g.value;

  -- The same deltas summed over home counties and host districts (a move between districts nets to nothing).
  INSERT INTO member_facet_org_totals AS o (facet, org_id, status, value, n)
  SELECT g.facet, g.org_id, g.status, g.value, sum(g.d)::int
  FROM unnest(facets, org_ids, statuses, vals, deltas) AS g(facet, org_id, status, value, d)
  GROUP BY 1, 2, 3, 4
  HAVING sum(g.d) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (facet, org_id, status, value) DO UPDATE SET n = o.n + excluded.n;
  DELETE FROM member_facet_org_totals o
  USING unnest(facets, org_ids, statuses, vals, deltas) AS g(facet, org_id, status, value, d)
  WHERE g.d < 0 AND o.n = 0
    AND o.facet = g.facet AND o.org_id = g.org_id AND o.status = g.status AND o.value = g.value;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_facet_counts_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM member_facet_counts;
  DELETE FROM member_facet_totals;
  DELETE FROM member_facet_org_totals;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- No member may be written between the functions' replacement and the fill below.
LOCK TABLE members IN SHARE ROW EXCLUSIVE MODE;
--> statement-breakpoint
INSERT INTO member_facet_org_totals (facet, org_id, status, value, n)
SELECT facet, org_id, status, value, sum(n)::int
FROM member_facet_counts
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
ANALYZE member_facet_org_totals;
