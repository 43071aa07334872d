-- Pinyin is ASCII: in the "C" collation its byte order is its natural order, and a plain btree
-- serves both LIKE 'zhang%' and ORDER BY name_pinyin. The list sorted by name at 1,000,000
-- members was a full sort (2.2 s); it is now an index range.
DROP INDEX "members_pinyin_idx";--> statement-breakpoint
ALTER TABLE "members" ALTER COLUMN "name_pinyin" TYPE text COLLATE "C";--> statement-breakpoint
CREATE INDEX "members_pinyin_sort_idx" ON "members" USING btree ("name_pinyin","id");
