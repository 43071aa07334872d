-- Changing name_pinyin's collation (0006) dropped the column's statistics: without them the
-- planner took a pinyin search for a common one and walked the whole creation-time index (85 ms
-- at 1,000,000 members instead of about 1 ms).
ANALYZE members;
