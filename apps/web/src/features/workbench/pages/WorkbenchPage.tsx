import { Badge, Button, Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { useLabels } from '../../../app/i18n/useLabels';
import { MENU_ICONS } from '../../../app/menuIcons';
import { visibleEntries } from '../../../app/navigation';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { useFormatters } from '../../../lib/useFormatters';
import { useCurrentUser } from '../../auth/useMe';
import { useWorkbench } from '../workbench.api';

/** The home page: a member's is their portal; everyone else's the workbench. */
export function WorkbenchPage() {
  const me = useCurrentUser();
  const memberOnly = me.permissions.length > 0 && me.permissions.every((p) => p === 'member.self');
  return memberOnly ? <Navigate to="/portal" replace /> : <Workbench />;
}

/** The workbench: the user's scope in figures, what waits for them, and their ways in. */
function Workbench() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const fmt = useFormatters();
  const workbench = useWorkbench();
  if (workbench.isPending) return <PageSpinner />;
  if (workbench.isError)
    return <LoadError error={workbench.error} onRetry={() => void workbench.refetch()} />;
  const { members, todos, scopeLabels, recent } = workbench.data;
  const shortcuts = visibleEntries(me.permissions).filter((e) => e.path !== '/');
  const figures = members
    ? [
        { key: 'total', value: members.total, to: '/members' },
        { key: 'active', value: members.active, to: '/members?status=active' },
        { key: 'lost', value: members.lost, to: '/members?status=lost' },
        { key: 'newThisMonth', value: members.newThisMonth, to: '/members?sort=createdAt&order=desc' },
      ]
    : [];
  return (
    <div className="nx-page">
      <Space direction="vertical" size={4} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('workbench.hello', { name: me.user.displayName })}
        </Typography.Title>
        <Space size={[4, 4]} wrap>
          {scopeLabels.map((label) => (
            <Tag key={label}>{label}</Tag>
          ))}
        </Space>
      </Space>
      {members && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {figures.map((f) => (
            <Col key={f.key} xs={12} md={6}>
              <Link to={f.to} aria-label={t(`workbench.figures.${f.key as 'total'}`)}>
                <Card hoverable size="small">
                  <Statistic
                    title={t(`workbench.figures.${f.key as 'total'}`)}
                    value={f.value}
                    valueStyle={f.key === 'lost' && f.value > 0 ? { color: '#cf1322' } : undefined}
                  />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('workbench.todos')} size="small">
            {todos.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noTodos')} />
            ) : (
              <List
                dataSource={todos}
                renderItem={(todo) => (
                  <List.Item
                    actions={[
                      <Link key="go" to={todo.link}>
                        {t('workbench.handle')}
                      </Link>,
                    ]}
                  >
                    <Space>
                      <Badge
                        count={todo.count}
                        overflowCount={9999}
                        color={todo.severity === 'warning' ? '#cf1322' : '#1677ff'}
                      />
                      <Link to={todo.link}>{todo.label}</Link>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('workbench.shortcuts')} size="small" style={{ marginBottom: 16 }}>
            <Space size={[8, 8]} wrap>
              {shortcuts.map((e) => (
                <Link key={e.path} to={e.path}>
                  <Button icon={MENU_ICONS[e.icon]}>{t(e.labelKey)}</Button>
                </Link>
              ))}
            </Space>
          </Card>
          {members && (
            <Card title={t('workbench.recent')} size="small">
              {recent.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noRecent')} />
              ) : (
                <List
                  size="small"
                  dataSource={recent}
                  renderItem={(r) => (
                    <List.Item>
                      <Space size={[8, 0]} wrap>
                        <Typography.Text type="secondary">{fmt.date(r.occurredOn)}</Typography.Text>
                        <Link to={`/members/${r.member.id}`}>{r.member.name}</Link>
                        <Tag>{labels.activityKind(r.kind)}</Tag>
                        <Typography.Text>{r.title}</Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
