import { CheckCircleOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import type { Evaluation } from '@shared/schemas/evaluations';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  message,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { download } from '../cockpit/download';
import { isLang, type Lang } from '../i18n';
import { formatInstantDate, formatNumber } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { ErrorNote, PageSpinner } from '../ui/states';
import { RulesEditor } from './RulesEditor';

const GRADE_COLOR = { excellent: 'green', good: 'blue', complete: 'gold', not_complete: 'red' } as const;

/** The year's evaluation: the score of each unit with its breakdown, approval that freezes it. */
export default function EvaluationPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme, today } = useProgrammeContext();
  const qc = useQueryClient();
  const [year, setYear] = useState(Number((today ?? new Date().toISOString()).slice(0, 4)));
  const url = `/programmes/${programme.id}/evaluations/${year}`;
  const q = useQuery({ queryKey: ['evaluation', programme.id, year], queryFn: () => api<Evaluation>(url) });
  const approve = useMutation({
    mutationFn: () => api<Evaluation>(`${url}/approve`, { method: 'POST' }),
    onSuccess: (e) => qc.setQueryData(['evaluation', programme.id, year], e),
    onError: (e) => void message.error((e as Error).message),
  });

  const head = (
    <Space wrap style={{ marginBottom: 12 }}>
      <Typography.Text>{t('evaluation.year')}</Typography.Text>
      <InputNumber
        min={2020}
        max={2100}
        value={year}
        onChange={(v) => v && setYear(v)}
        data-testid="evaluation-year"
      />
    </Space>
  );
  if (q.isPending) return <PageSpinner />;
  if (q.isError)
    return (
      <>
        {head}
        <ErrorNote error={q.error} onRetry={() => void q.refetch()} />
      </>
    );
  const e = q.data;
  const crit = e.rules.criteria;
  return (
    <div>
      <Typography.Title level={3}>{t('evaluation.title', { year })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('evaluationMore.hint')}</Typography.Paragraph>
      {head}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          {e.status === 'approved' ? (
            <Alert
              type="success"
              showIcon
              title={t('evaluation.approved', {
                date: formatInstantDate(e.approvedAt!, lang, programme.timeZone),
                by: e.approvedBy ?? '',
              })}
              data-testid="evaluation-approved"
            />
          ) : (
            <Tag>{t('evaluation.draft')}</Tag>
          )}
          <Space>
            {Object.entries(e.gradeCounts).map(([g, n]) => (
              <Tag key={g} color={GRADE_COLOR[g as keyof typeof GRADE_COLOR]}>
                {t(`evaluation.grades.${g}`)}: {n}
              </Tag>
            ))}
            <Button icon={<FileExcelOutlined />} onClick={() => void download(`${url}/export.xlsx`, {})}>
              {t('evaluation.export')}
            </Button>
            <Button
              icon={<FileWordOutlined />}
              onClick={() => void download(`${url}/export.docx`, {})}
              data-testid="evaluation-docx"
            >
              {t('evaluationMore.exportDocx')}
            </Button>
            {e.can.configure && (
              <RulesEditor
                url={url}
                rules={e.rules}
                onSaved={(x) => qc.setQueryData(['evaluation', programme.id, year], x)}
              />
            )}
            {e.can.approve && (
              <Button
                type="primary"
                icon={<CheckCircleOutlined />}
                loading={approve.isPending}
                data-testid="evaluation-approve"
                onClick={() =>
                  Modal.confirm({ title: t('evaluation.confirm'), onOk: () => approve.mutateAsync() })
                }
              >
                {t('evaluation.approve')}
              </Button>
            )}
          </Space>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('evaluation.rules', {
            list: crit.map((c) => `${t(`evaluationMore.criteria.${c.code}`)} ${c.weight}`).join(', '),
            e: e.rules.thresholds.excellent,
            g: e.rules.thresholds.good,
            c: e.rules.thresholds.complete,
            cap: e.rules.excellentCapPct ?? 100,
          })}
        </Typography.Paragraph>
      </Card>
      <Table
        size="small"
        rowKey={(u) => u.unit.id}
        dataSource={e.units}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        data-testid="evaluation-table"
        columns={[
          {
            title: t('evaluation.rank'),
            dataIndex: 'rank',
            width: 70,
            render: (r: number | null) => r ?? '—',
          },
          { title: t('evaluation.unit'), key: 'unit', render: (_v, u) => u.unit.name },
          { title: t('evaluation.leader'), key: 'leader', render: (_v, u) => u.unit.leader ?? '—' },
          ...crit.map((c) => ({
            title: `${t(`evaluationMore.criteria.${c.code}`)} (${c.weight})`,
            key: c.code,
            align: 'end' as const,
            render: (_v: unknown, u: Evaluation['units'][number]) => {
              const b = u.breakdown.find((x) => x.code === c.code);
              if (!b || b.points === null) return '—';
              return <Tooltip title={<Evidence b={b} />}>{formatNumber(b.points, lang, 2)}</Tooltip>;
            },
          })),
          {
            title: t('evaluation.score'),
            dataIndex: 'score',
            align: 'end',
            render: (s: number | null) => (s === null ? '—' : <strong>{formatNumber(s, lang, 2)}</strong>),
          },
          {
            title: t('evaluation.grade'),
            key: 'grade',
            render: (_v, u) =>
              u.grade ? (
                <Tooltip title={u.capped ? t('evaluation.capped') : undefined}>
                  <Tag color={GRADE_COLOR[u.grade]}>
                    {t(`evaluation.grades.${u.grade}`)}
                    {u.capped ? ' *' : ''}
                  </Tag>
                </Tooltip>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </div>
  );
}

const EVIDENCE_SHOWN = 15;

/** The figure and the items behind it, in a tooltip: ✓ counted in the numerator, ✗ not. */
function Evidence({ b }: { b: Evaluation['units'][number]['breakdown'][number] }) {
  const { t } = useTranslation();
  const ev = b.evidence ?? [];
  return (
    <div data-testid="evaluation-evidence">
      <bdi>{`${b.numerator} / ${b.denominator}`}</bdi>
      {ev.length > 0 && (
        <>
          <br />
          {t('evaluationMore.evidence')}:
          {ev.slice(0, EVIDENCE_SHOWN).map((x, i) => (
            <div key={i}>
              {x.ok ? '✓' : '✗'} <bdi>{x.ref}</bdi>
            </div>
          ))}
          {ev.length > EVIDENCE_SHOWN && (
            <div>{t('evaluationMore.more', { count: ev.length - EVIDENCE_SHOWN })}</div>
          )}
        </>
      )}
    </div>
  );
}
