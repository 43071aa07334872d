-- The audit log in lanes: several hash chains, so that concurrent audited writes need not wait
-- on one lock (modules/audit/README.md). The rows written so far become lane 0, each at its own
-- seq: their content and hashes stay exactly as they are, and the chain they form stays valid.
CREATE SEQUENCE "public"."audit_log_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
SELECT setval('audit_log_seq', coalesce((SELECT max("seq") FROM "audit_log"), 0) + 1, false);--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "lane" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "lane_seq" bigint;--> statement-breakpoint
-- Filling the new column is the one write to existing rows, so the append-only trigger steps
-- aside for it, inside this migration's transaction; no hashed field changes.
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_no_update";--> statement-breakpoint
UPDATE "audit_log" SET "lane_seq" = "seq";--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_no_update";--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "lane_seq" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_lane_idx" ON "audit_log" USING btree ("lane","lane_seq");--> statement-breakpoint
-- Where an audited transaction appends `entries` rows: a lane, locked until the transaction
-- ends (the lane it already holds; else the first of `lanes` whose lock is free, which is lane 0
-- whenever the log is quiet and always on the one-connection embedded store; else it waits for
-- its connection's own lane), the lane's last row, and `entries` numbers from audit_log_seq.
-- The last row is read after the lock is held: a volatile function's statements each take a
-- fresh snapshot (in READ COMMITTED), so it sees what the lane's previous holder committed.
CREATE FUNCTION audit_take_lane(lanes integer, entries integer)
RETURNS TABLE (lane integer, last_lane_seq bigint, last_hash text, seqs bigint[])
LANGUAGE plpgsql AS $$
DECLARE
  held text := current_setting('ningxin.audit_lane', true);
BEGIN
  IF held IS NOT NULL AND held <> '' THEN
    lane := held::integer;
  ELSE
    lane := 0;
    WHILE lane < lanes AND NOT pg_try_advisory_xact_lock(72810002, lane) LOOP
      lane := lane + 1;
    END LOOP;
    IF lane = lanes THEN
      lane := pg_backend_pid() % lanes;
      PERFORM pg_advisory_xact_lock(72810002, lane);
    END IF;
    PERFORM set_config('ningxin.audit_lane', lane::text, true);
  END IF;
  SELECT a.lane_seq, a.hash INTO last_lane_seq, last_hash
    FROM audit_log a WHERE a.lane = audit_take_lane.lane ORDER BY a.lane_seq DESC LIMIT 1;
  seqs := ARRAY(SELECT nextval('audit_log_seq') FROM generate_series(1, entries));
  RETURN NEXT;
END;
$$;
