import type { MemberResponse } from '@ningxin/shared';
import { Card, Descriptions, type DescriptionsProps, Flex, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { MaskedValue } from './MaskedValue';
import { MemberStatusTag } from './MemberStatusTag';

const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);

/** The record in sections (基本信息, 党籍信息, 流出地, 流入地, 工作), ID number and phone masked. */
export function MemberProfile({ member: m }: { member: MemberResponse }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const item = (key: string, label: string, children: ReactNode, span?: 'filled') => ({
    key,
    label,
    children: dash(children),
    ...(span ? { span } : {}),
  });
  const masked = (field: 'idNumber' | 'phone', value: string) => (
    <MaskedValue
      memberId={m.id}
      field={field}
      fieldLabel={t(`memberFields.${field}`)}
      masked={value}
      canReveal={m.policies.reveal}
    />
  );

  const sections: { key: string; title: string; items: DescriptionsProps['items'] }[] = [
    {
      key: 'basic',
      title: t('member.sections.basic'),
      items: [
        item('name', t('memberFields.name'), m.name),
        item('gender', t('memberFields.gender'), labels.gender(m.gender)),
        item('ethnicity', t('memberFields.ethnicity'), labels.ethnicity(m.ethnicity)),
        item(
          'birthDate',
          t('memberFields.birthDate'),
          m.birthDate && `${m.birthDate}（${t('members.ageValue', { count: m.age ?? 0 })}）`,
        ),
        item('idNumber', t('memberFields.idNumber'), masked('idNumber', m.idNumberMasked)),
        item('phone', t('memberFields.phone'), masked('phone', m.phoneMasked)),
        item('education', t('memberFields.education'), labels.education(m.education)),
      ],
    },
    {
      key: 'party',
      title: t('member.sections.party'),
      items: [
        item('status', t('memberFields.status'), <MemberStatusTag status={m.status} />),
        item('memberType', t('memberFields.memberType'), labels.memberType(m.memberType)),
        item('joinedAt', t('memberFields.joinedAt'), m.joinedAt),
        item('fullMemberAt', t('memberFields.fullMemberAt'), m.fullMemberAt),
        item(
          'org',
          t('memberFields.orgId'),
          m.orgPathNames.length ? m.orgPathNames.join(' / ') : m.orgName,
          'filled',
        ),
        item('relationship', t('memberFields.relationship'), labels.relationship(m.relationship)),
        item(
          'tags',
          t('memberFields.tags'),
          m.tags.length > 0 && (
            <Flex wrap gap={4}>
              {m.tags.map((tag) => (
                <Tag key={tag} style={{ marginInlineEnd: 0 }}>
                  {tag}
                </Tag>
              ))}
            </Flex>
          ),
        ),
        item('source', t('memberFields.source'), labels.memberSource(m.source)),
        item('lastContactAt', t('memberFields.lastContactAt'), m.lastContactAt),
      ],
    },
    {
      key: 'home',
      title: t('member.sections.home'),
      items: [
        item('homeCounty', t('memberFields.homeCounty'), m.homeCountyName ?? m.homeCounty),
        item('homeOrg', t('memberFields.homeOrg'), m.homeOrg),
        item('leftHomeAt', t('memberFields.leftHomeAt'), m.leftHomeAt),
      ],
    },
    {
      key: 'host',
      title: t('member.sections.host'),
      items: [
        item('hostDistrict', t('memberFields.hostDistrict'), m.hostDistrictName ?? m.hostDistrict),
        item('hostAddress', t('memberFields.hostAddress'), m.hostAddress, 'filled'),
      ],
    },
    {
      key: 'work',
      title: t('member.sections.work'),
      items: [
        item('employer', t('memberFields.employer'), m.employer),
        item('occupation', t('memberFields.occupation'), m.occupation),
        item('industry', t('memberFields.industry'), m.industry),
        item('notes', t('memberFields.notes'), m.notes, 'filled'),
      ],
    },
  ];

  return (
    <Flex vertical gap={16}>
      {sections.map((s) => (
        <Card key={s.key} size="small" title={s.title}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, xxl: 3 }}
            items={s.items}
            classNames={{ label: 'nx-desc-label' }}
          />
        </Card>
      ))}
    </Flex>
  );
}
