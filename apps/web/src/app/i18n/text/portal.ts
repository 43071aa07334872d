/** The `portal` texts (the member's phone home) in simplified Chinese, the default language (English: ./en/portal.ts). */
export const portalText = {
  hello: '{{name}}，您好',
  tileFailed: '这部分内容没有加载出来，请稍后刷新页面。',
  more: '查看全部',
  meetings: {
    title: '我的组织生活',
    none: '近期没有需要参加的会议',
    today: '今天',
    signInHint: '到会后扫描会场二维码签到',
    online: '线上',
  },
  inbox: {
    title: '通知消息',
    unread: '{{count}} 条未读',
    none: '暂无消息',
  },
  record: {
    title: '我的档案',
    org: '所在党组织',
    status: '状态',
    phone: '联系电话',
    homeCounty: '流出地',
    host: '现居住地',
    edit: '修改联系方式',
  },
};
