-- The activity ledger's status_changed entries for the status events written before it existed
-- (and, run again after a demo load, for the events its COPY wrote): one entry per event, source
-- members/<event id>, with the member's org and path today (no earlier placement is kept), the
-- reason as the title and the event's own time. Entries already there are left as they are.
INSERT INTO member_activity
  (member_id, kind, occurred_on, quantity, unit, source_module, source_id, org_id, org_path, title, created_at)
SELECT e.member_id, 'status_changed', e.effective_date, 1, 'times', 'members', e.id::text,
       m.org_id, m.org_path, e.reason, e.created_at
FROM member_status_events e
JOIN members m ON m.id = e.member_id
ORDER BY e.id
ON CONFLICT (source_module, source_id, kind, member_id) DO NOTHING;
