/** The `scopeKind` texts in simplified Chinese, the default language (English: ./en/scope-kind.ts). */
export const scopeKindText = {
  all: '全部',
  org: '组织及下级',
  home: '流出地县区',
  host: '流入地区',
  self: '本人',
};
