/**
 * The member record's code lists and their Chinese names, without zod: a page that shows a name
 * does not load the schemas (./enums.ts builds its zod enums from these lists).
 */

type MemberStatus = (typeof MEMBER_STATUSES)[number];
type MemberType = (typeof MEMBER_TYPES)[number];
type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];
type MemberSource = (typeof MEMBER_SOURCES)[number];
type Gender = (typeof GENDERS)[number];

/** Status lifecycle (党员状态): changed only by an explicit action with a date and a reason. */
export const MEMBER_STATUSES = [
  'active', // 在册
  'lost', // 失联
  'suspended', // 停止党籍
  'transferred_out', // 已转出
  'returned', // 已返乡
  'deceased', // 已故
] as const;

export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  active: '在册',
  lost: '失联',
  suspended: '停止党籍',
  transferred_out: '已转出',
  returned: '已返乡',
  deceased: '已故',
};

/** Which status may follow which. */
export const MEMBER_STATUS_TRANSITIONS: Record<MemberStatus, readonly MemberStatus[]> = {
  active: ['lost', 'transferred_out', 'returned', 'deceased'],
  lost: ['active', 'suspended', 'deceased'],
  suspended: ['active', 'deceased'],
  transferred_out: ['active'],
  returned: ['active'],
  deceased: [],
};

export const MEMBER_TYPES = ['full', 'probationary'] as const; // 正式党员 / 预备党员

export const MEMBER_TYPE_LABELS: Record<MemberType, string> = { full: '正式党员', probationary: '预备党员' };

/** Where the member's formal membership (组织关系) is. */
export const RELATIONSHIP_TYPES = ['transferred_in', 'certificate', 'at_home'] as const;

export const RELATIONSHIP_LABELS: Record<RelationshipType, string> = {
  transferred_in: '组织关系已转入',
  certificate: '持流动党员活动证',
  at_home: '组织关系在原籍',
};

/** How the record came into the base. */
export const MEMBER_SOURCES = ['found', 'self_registered', 'imported', 'manual'] as const;

export const MEMBER_SOURCE_LABELS: Record<MemberSource, string> = {
  found: '组织寻找',
  self_registered: '自主报到',
  imported: '批量导入',
  manual: '手工录入',
};

export const GENDERS = ['male', 'female'] as const;

export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

/** Member roles the committee gives (联络员、招商员、宣传员); other tags are free text. */
export const ROLE_TAGS = ['联络员', '招商员', '宣传员'] as const;
