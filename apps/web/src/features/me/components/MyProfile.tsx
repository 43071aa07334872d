import type { MemberResponse } from '@ningxin/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import type { Translation } from '../../../app/i18n/zh-CN';
import { PortalCard } from '../../../components/PortalCard';
import { Descriptions } from '../../../components/plain/Descriptions';
import { Tag } from '../../../components/plain/Tag';
import { MemberStatusTag } from '../../members/components/MemberStatusTag';

const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);

/**
 * The member's own record in the sections of the office's profile (基本信息, 党籍信息, 流出地,
 * 流入地, 工作), ID number and phone masked, in plain elements: the member's phone loads no antd.
 */
export function MyProfile({ member: m }: { member: MemberResponse }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const item = (key: keyof Translation['memberFields'], children: ReactNode) => ({
    key,
    label: t(`memberFields.${key}`),
    children: dash(children),
  });
  const mono = (value: string) => <span className="nx-mono">{value}</span>;
  const sections = [
    {
      key: 'basic',
      items: [
        item('name', m.name),
        item('gender', labels.gender(m.gender)),
        item('ethnicity', labels.ethnicity(m.ethnicity)),
        item('birthDate', m.birthDate && `${m.birthDate}（${t('me.age', { count: m.age ?? 0 })}）`),
        item('idNumber', mono(m.idNumberMasked)),
        item('phone', mono(m.phoneMasked)),
        item('education', labels.education(m.education)),
      ],
    },
    {
      key: 'party',
      items: [
        item('status', <MemberStatusTag status={m.status} />),
        item('memberType', labels.memberType(m.memberType)),
        item('joinedAt', m.joinedAt),
        item('fullMemberAt', m.fullMemberAt),
        item('orgId', m.orgPathNames.length ? m.orgPathNames.join(' / ') : m.orgName),
        item('relationship', labels.relationship(m.relationship)),
        item('tags', m.tags.length > 0 ? m.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : null),
        item('source', labels.memberSource(m.source)),
        item('lastContactAt', m.lastContactAt),
      ],
    },
    {
      key: 'home',
      items: [
        item('homeCounty', m.homeCountyName ?? m.homeCounty),
        item('homeOrg', m.homeOrg),
        item('leftHomeAt', m.leftHomeAt),
      ],
    },
    {
      key: 'host',
      items: [item('hostDistrict', m.hostDistrictName ?? m.hostDistrict), item('hostAddress', m.hostAddress)],
    },
    {
      key: 'work',
      items: [
        item('employer', m.employer),
        item('occupation', m.occupation),
        item('industry', m.industry),
        item('notes', m.notes),
      ],
    },
  ] as const;

  return (
    <div className="nx-my-profile">
      {sections.map((s) => (
        <PortalCard key={s.key} title={t(`member.sections.${s.key}`)}>
          <Descriptions items={[...s.items]} />
        </PortalCard>
      ))}
    </div>
  );
}
