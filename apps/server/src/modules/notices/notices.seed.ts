import type { NoticeCreateInput } from '@ningxin/shared';
import { NoticeCreateBody } from '@ningxin/shared';
import type { SeedStep } from '../../lib/modules';
import type { UsersService } from '../users/users.service';
import type { NoticesService } from './notices.service';

/** What the demo's notices say: the office to every secretary and member, a secretary to a subtree. */
const OFFICE_NOTICES: NoticeCreateInput[] = [
  {
    title: '关于开展“学习二十大精神”网上流动大讲堂学习的通知',
    bodyHtml:
      '<p>各二级流动党委、各支部：</p><p>为深入学习宣传贯彻党的二十大精神，流动党委在网上流动大讲堂开设专题学习系列。' +
      '请各支部组织党员按时完成学习，并于月底前提交心得体会。</p><p>流动党委办公室</p>',
    target: { roles: ['secretary', 'member'] },
  },
  {
    title: '关于核实更新党员联系方式的通知',
    bodyHtml:
      '<p>为做到“离乡不离党、流动不流失”，请各位党员核对本人在信息库中的手机号码、在京住址和工作单位，' +
      '如有变化请在“我的信息”中更新，或联系所在支部书记。</p>',
    target: { roles: ['secretary', 'member'] },
  },
];

const SUBTREE_NOTICE = {
  title: '本月主题党日活动安排',
  bodyHtml:
    '<p>本月主题党日定于第二个周六上午九时举行，线下在党群服务中心，线上同步直播。请各支部提前报送参加人数。</p>',
};

/** The demo's notices, sent as the office and as the 通州 secretary would, read by nobody yet. */
export function noticesSeed(notices: NoticesService, users: UsersService): SeedStep {
  return async () => {
    const office = await users.actorFor('office');
    if (office) for (const n of OFFICE_NOTICES) await notices.create(office, NoticeCreateBody.parse(n));
    const tongzhou = await users.actorFor('tongzhou');
    const orgId = tongzhou?.assignments.find((a) => a.orgId !== null)?.orgId;
    if (tongzhou && orgId)
      await notices.create(
        tongzhou,
        NoticeCreateBody.parse({ ...SUBTREE_NOTICE, target: { orgIds: [orgId] } }),
      );
  };
}
