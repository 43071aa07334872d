/** The `scopeKind` texts: simplified Chinese (the default) and English. */
const zh = {
  all: '全部',
  org: '组织及下级',
  home: '流出地县区',
  host: '流入地区',
  self: '本人',
};

const en: typeof zh = {
  all: 'Everything',
  org: 'Organization and below',
  home: 'Home county',
  host: 'Host district',
  self: 'Oneself',
};

export const scopeKindText = { zh, en };
