import { DownloadOutlined } from '@ant-design/icons';
import type { Recommendation } from '@shared/schemas/recommendations';
import { toQueryString } from '../api/client';
import { RECOMMENDATION_STATES } from '@shared/registers';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useAsOf } from '../app/useAsOf';
import { isLang } from '../i18n';
import { formatDate } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { useRecommendations, useRecommendationSummary, useRegisterWrite } from '../obstacles/api';
import { UnitSelect } from '../tasks/UnitSelect';
import { SheetImport } from '../ui/SheetImport';
import { ErrorNote, PageSpinner } from '../ui/states';
import { RecommendationDetail } from './RecommendationDetail';

const STATE_COLOR: Record<string, string> = {
  pending: 'blue',
  overdue: 'red',
  answered_on_time: 'green',
  answered_late: 'orange',
};

/** Recommendations: the clock to answer seen by both sides, late answers per agency, send and answer. */
export default function RecommendationsPage() {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const { recommendationId } = useParams();
  const [asOf] = useAsOf();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? undefined;
  const list = useRecommendations({ programmeId: programme.id, asOf, state });
  const summary = useRecommendationSummary({ programmeId: programme.id, asOf });
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [answering, setAnswering] = useState<Recommendation | null>(null);
  if (list.isLoading || summary.isLoading) return <PageSpinner />;
  if (list.error) return <ErrorNote error={list.error} />;
  const s = summary.data;
  return (
    <div data-testid="recommendations">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3}>{t('recommendations.title')}</Typography.Title>
        <Space>
          <Button
            icon={<DownloadOutlined />}
            href={`/api/v1/recommendations/export.xlsx${toQueryString({ programmeId: programme.id, asOf, state })}`}
            download
          >
            {t('recommendations.export')}
          </Button>
          <Button type="primary" onClick={() => setCreating(true)} data-testid="recommendation-new">
            {t('recommendations.new')}
          </Button>
        </Space>
      </Space>
      {recommendationId && (
        <RecommendationDetail
          id={recommendationId}
          programmeId={programme.id}
          asOf={asOf}
          onAnswer={setAnswering}
        />
      )}
      {s && (
        <Card size="small" title={t('recommendations.byAgency')} style={{ marginBottom: 12 }}>
          <Space wrap style={{ marginBottom: 8 }}>
            {RECOMMENDATION_STATES.map((x) => (
              <Tag key={x} color={STATE_COLOR[x]}>
                {t(`recommendations.state.${x}`)}: {s.byState[x] ?? 0}
              </Tag>
            ))}
          </Space>
          <Table
            size="small"
            pagination={false}
            rowKey={(a) => a.agency.id}
            dataSource={s.byAgency.filter((a) => a.late > 0)}
            data-testid="recommendations-late"
            columns={[
              { title: t('recommendations.agency'), key: 'a', render: (_, a) => a.agency.name },
              { title: t('recommendations.total'), dataIndex: 'total', align: 'end' },
              { title: t('recommendations.state.overdue'), dataIndex: 'overdue', align: 'end' },
              { title: t('recommendations.state.answered_late'), dataIndex: 'answeredLate', align: 'end' },
              {
                title: t('recommendations.late'),
                key: 'late',
                align: 'end',
                render: (_, a) => <span data-testid={`late-${a.agency.code}`}>{a.late}</span>,
              },
            ]}
          />
        </Card>
      )}
      <Select
        allowClear
        placeholder={t('recommendations.stateCol')}
        style={{ minWidth: 200, marginBottom: 8 }}
        value={state}
        onChange={(v) => setParams(v ? { state: v } : {})}
        options={RECOMMENDATION_STATES.map((x) => ({ value: x, label: t(`recommendations.state.${x}`) }))}
      />
      <Table
        size="small"
        rowKey="id"
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50 }}
        rowClassName={(r) => (String(r.id) === recommendationId ? 'ant-table-row-selected' : '')}
        columns={[
          {
            title: t('recommendations.content'),
            key: 'c',
            render: (_, r) => (
              <div data-testid={`recommendation-${r.id}`}>
                <Link to={`/p/${programme.id}/recommendations/${r.id}${toQueryString({ asOf })}`}>
                  {r.content}
                </Link>
                {r.answer && <Typography.Text type="secondary">↳ {r.answer}</Typography.Text>}
              </div>
            ),
          },
          { title: t('recommendations.from'), key: 'f', render: (_, r) => r.from.name },
          { title: t('recommendations.to'), key: 'to', render: (_, r) => r.to.name },
          {
            title: t('recommendations.submittedOn'),
            key: 's',
            render: (_, r) => formatDate(r.submittedOn, lang),
          },
          {
            title: t('recommendations.dueOn'),
            key: 'd',
            render: (_, r) => (
              <span>
                {formatDate(r.answerDueOn, lang)}
                {r.workingDaysLeft !== null && (
                  <Typography.Text type={r.workingDaysLeft < 0 ? 'danger' : 'secondary'} data-testid="clock">
                    {' '}
                    ·{' '}
                    {r.workingDaysLeft < 0
                      ? t('recommendations.lateBy', { count: -r.workingDaysLeft })
                      : t('recommendations.left', { count: r.workingDaysLeft })}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          {
            title: t('recommendations.stateCol'),
            key: 'st',
            render: (_, r) => (
              <Tag color={STATE_COLOR[r.state]} data-testid="recommendation-state">
                {t(`recommendations.state.${r.state}`)}
              </Tag>
            ),
          },
          {
            key: 'act',
            render: (_, r) =>
              r.can.answer && (
                <Button size="small" onClick={() => setAnswering(r)} data-testid="recommendation-answer">
                  {t('recommendations.answer')}
                </Button>
              ),
          },
        ]}
      />
      <div style={{ marginTop: 16 }}>
        <SheetImport
          base="/recommendations"
          programmeId={programme.id}
          title={t('registerScreens.importRecommendations')}
          testId="recommendations-import"
          onImported={() => {
            void qc.invalidateQueries({ queryKey: ['recommendations'] });
            void qc.invalidateQueries({ queryKey: ['recommendations-summary'] });
          }}
        />
      </div>
      {creating && <CreateRecommendation programmeId={programme.id} onClose={() => setCreating(false)} />}
      {answering && <Answer r={answering} onClose={() => setAnswering(null)} />}
    </div>
  );
}

function CreateRecommendation({ programmeId, onClose }: { programmeId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useRegisterWrite();
  const [from, setFrom] = useState<number | undefined>();
  const [to, setTo] = useState<number | undefined>();
  const [content, setContent] = useState('');
  const send = async () => {
    try {
      await write.mutateAsync({
        path: '/recommendations',
        body: { programmeId, fromUnitId: from, toUnitId: to, content },
      });
      onClose();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={t('recommendations.new')}
      onCancel={onClose}
      onOk={() => void send()}
      okButtonProps={{ loading: write.isPending }}
    >
      <Form layout="vertical">
        <Form.Item label={t('recommendations.from')} required>
          <UnitSelect value={from} onChange={setFrom} />
        </Form.Item>
        <Form.Item label={t('recommendations.to')} required>
          <UnitSelect value={to} onChange={setTo} />
        </Form.Item>
        <Form.Item label={t('recommendations.content')} required extra={t('recommendations.dueHint')}>
          <Input.TextArea
            rows={4}
            value={content}
            onChange={(e) => setContent(e.target.value)}
            maxLength={8000}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Answer({ r, onClose }: { r: Recommendation; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useRegisterWrite();
  const [answer, setAnswer] = useState('');
  const send = async () => {
    try {
      await write.mutateAsync({
        path: `/recommendations/${r.id}/answer`,
        body: { version: r.version, answer },
      });
      onClose();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={t('recommendations.answer')}
      onCancel={onClose}
      onOk={() => void send()}
      okButtonProps={{ loading: write.isPending, 'data-testid': 'recommendation-answer-save' } as never}
    >
      <Typography.Paragraph>{r.content}</Typography.Paragraph>
      <Input.TextArea
        rows={4}
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        data-testid="recommendation-answer-text"
        maxLength={8000}
      />
    </Modal>
  );
}
