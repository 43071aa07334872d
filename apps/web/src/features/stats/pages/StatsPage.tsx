import { STATS_TOPICS, type StatsTopic } from '@ningxin/shared';
import { Col, Flex, InputNumber, Row, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FlowPanel } from '../components/FlowPanel';
import { MemberFigurePanel } from '../components/MemberFigurePanel';
import { TopicPanel } from '../components/TopicPanel';

const thisYear = () =>
  Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));

/** 数据统计: the member figures of the user's scope and one panel per domain, each with its table. */
export function StatsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear);
  const topicTab = (topic: StatsTopic) => ({
    key: topic,
    label: t(`stats.topic.${topic}`),
    children: <TopicPanel topic={topic} year={year} />,
  });
  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('stats.title')}
        </Typography.Title>
        <Flex align="center" gap={8}>
          <Typography.Text>{t('stats.year')}</Typography.Text>
          <InputNumber
            aria-label={t('stats.year')}
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
          />
        </Flex>
      </Flex>
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'members',
            label: t('stats.tab.members'),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <MemberFigurePanel by="secondCommittee" />
                </Col>
                <Col xs={24} xl={12}>
                  <MemberFigurePanel by="homeCounty" />
                </Col>
                <Col xs={24} xl={12}>
                  <MemberFigurePanel by="hostDistrict" />
                </Col>
                <Col xs={24} xl={12}>
                  <MemberFigurePanel by="ageBand" />
                </Col>
                <Col xs={24} xl={12}>
                  <MemberFigurePanel by="partyAge" />
                </Col>
                <Col xs={24} xl={12}>
                  <MemberFigurePanel by="education" />
                </Col>
                <Col xs={24} xl={8}>
                  <MemberFigurePanel by="memberType" chart="pie" />
                </Col>
                <Col xs={24} xl={8}>
                  <MemberFigurePanel by="status" chart="pie" />
                </Col>
                <Col xs={24} xl={8}>
                  <MemberFigurePanel by="source" chart="pie" />
                </Col>
                <Col xs={24} xl={12}>
                  <MemberFigurePanel by="tag" />
                </Col>
                <Col xs={24} xl={12}>
                  <MemberFigurePanel by="gender" chart="pie" />
                </Col>
              </Row>
            ),
          },
          { key: 'flow', label: t('stats.tab.flow'), children: <FlowPanel year={year} /> },
          ...STATS_TOPICS.map(topicTab),
        ]}
      />
    </Flex>
  );
}
