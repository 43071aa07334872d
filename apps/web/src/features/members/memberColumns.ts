/** The member table's optional columns, apart from the table so the list page can name them without loading it. */
export const MEMBER_COLUMN_KEYS = [
  'gender',
  'age',
  'idNumber',
  'phone',
  'org',
  'homeCounty',
  'hostDistrict',
  'status',
  'memberType',
  'tags',
  'joinedAt',
] as const;

/** Hidden until the user shows them (the table then fits a 1366 px screen without scrolling). */
export const DEFAULT_HIDDEN_COLUMNS: readonly string[] = ['memberType'];
