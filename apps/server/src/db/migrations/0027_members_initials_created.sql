-- The initials search's page: the newest members of exact initials straight from the index. About
-- a minute at 10,000,000 members (docs/deployment.md); IF NOT EXISTS so that a large database may
-- build it beforehand with CREATE INDEX CONCURRENTLY under the same name, writes going on.
CREATE INDEX IF NOT EXISTS "members_initials_created_idx" ON "members" USING btree ("name_initials" text_pattern_ops,"created_at","id");
