import { UploadOutlined } from '@ant-design/icons';
import type { DraftTask, DraftTasksResponse } from '@shared/schemas/draft-tasks';
import { DRAFT_RECURRENCES } from '@shared/schemas/draft-tasks';
import { foldText } from '@shared/text-fold';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Input,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import { i18next } from '../i18n';
import { useProgrammeContext } from '../layout/useProgrammeContext';

type Row = DraftTask & { key: number; include: boolean };
type RowError = { path: string; message: string };

/** Sends the document itself as the body: the server reads DOCX, PDF or text by its bytes. */
async function sendDocument(directiveId: number, body: Blob, type: string): Promise<DraftTasksResponse> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/directives/${directiveId}/draft-tasks`, {
      method: 'POST',
      headers: {
        'x-steerboard-csrf': '1',
        'content-type': type || 'application/octet-stream',
        'accept-language': i18next.language || 'vi',
      },
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', i18next.t('common.offline'));
  }
  const data = (await res.json()) as DraftTasksResponse | { error: { code: string; message: string } };
  if ('error' in data) throw new ApiError(res.status, data.error.code, data.error.message);
  return data;
}

/**
 * From a directive's document to its tasks: upload a DOCX or PDF (or paste the text), read the
 * drafts beside the lines they came from, correct any cell (units the document named but the tree
 * does not know are flagged), then create them all in one go — or read why a row is refused.
 */
export default function DraftTasksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { programme } = useProgrammeContext();
  const directiveId = Number(useParams().id);
  const input = useRef<HTMLInputElement>(null);
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [result, setResult] = useState<DraftTasksResponse | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [created, setCreated] = useState<number | null>(null);

  const read = async (body: Blob, type: string) => {
    setBusy(true);
    setRefused(null);
    setRowErrors([]);
    setCreated(null);
    try {
      const out = await sendDocument(directiveId, body, type);
      setResult(out);
      setRows(out.drafts.map((d, i) => ({ ...d, key: i, include: true })));
    } catch (e) {
      setResult(null);
      setRows([]);
      setRefused((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const unitOptions = useMemo(
    () =>
      (result?.units ?? []).map((u) => ({
        value: u.id,
        label: u.name,
        search: foldText(`${u.name} ${u.code}`),
      })),
    [result],
  );
  const filterUnit = (q: string, o?: { search?: string }) => (o?.search ?? '').includes(foldText(q));
  const patch = (key: number, p: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...p } : r)));
  const chosen = rows.filter((r) => r.include);
  const ready = chosen.every((r) => r.leadUnitId !== null && r.deadline !== null && r.title.trim());

  const create = async () => {
    setBusy(true);
    setRowErrors([]);
    try {
      const out = await api<{ created: { id: number }[] }>(`/directives/${directiveId}/tasks`, {
        method: 'POST',
        body: {
          tasks: chosen.map((r) => ({
            title: r.title.trim(),
            leadUnitId: r.leadUnitId,
            coordinatingUnitIds: r.coordinatingUnitIds,
            deadline: r.deadline,
            deliverable: r.deliverable || null,
            recurrence: r.recurrence,
            sourceText: r.source.text.slice(0, 4000),
          })),
        },
      });
      setCreated(out.created.length);
      void message.success(t('draftTasks.created', { count: out.created.length }));
    } catch (e) {
      const err = e as ApiError;
      setRefused(err.message);
      setRowErrors((err.details as RowError[] | undefined) ?? []);
    } finally {
      setBusy(false);
    }
  };

  const errorsOf = (index: number) =>
    rowErrors.filter((e) => e.path.startsWith(`tasks.${index}.`) || e.path === `tasks.${index}`);
  const unitName = (id: number) => result?.units.find((u) => u.id === id)?.name ?? String(id);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="draft-tasks">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('draftTasks.title')}
      </Typography.Title>
      {result && (
        <Typography.Text type="secondary" data-testid="draft-directive">
          <bdi>{result.directive.number}</bdi> — <bdi>{result.directive.title}</bdi>
        </Typography.Text>
      )}
      <Card size="small" title={t('draftTasks.sourceTitle')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('draftTasks.sourceHelp')}
          </Typography.Paragraph>
          <input
            ref={input}
            type="file"
            accept=".docx,.pdf,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            hidden
            data-testid="draft-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void read(f, f.type);
              e.target.value = '';
            }}
          />
          <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} disabled={busy}>
            {t('draftTasks.upload')}
          </Button>
          <Input.TextArea
            rows={4}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            placeholder={t('draftTasks.pastePlaceholder')}
            data-testid="draft-paste"
          />
          <Button
            disabled={busy || !pasted.trim()}
            onClick={() =>
              void read(new Blob([pasted], { type: 'text/plain;charset=utf-8' }), 'text/plain;charset=utf-8')
            }
          >
            {t('draftTasks.readPasted')}
          </Button>
        </Space>
      </Card>
      {busy && (
        <Spin tip={t('draftTasks.reading')} data-testid="draft-busy">
          <div style={{ height: 40 }} />
        </Spin>
      )}
      {refused && <Alert type="error" showIcon message={refused} data-testid="draft-refused" />}
      {rowErrors.length > 0 && (
        <Alert
          type="error"
          data-testid="draft-row-errors"
          message={
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {rowErrors.map((e) => (
                <li key={e.path}>
                  {t('draftTasks.rowError', { row: Number(e.path.split('.')[1] ?? 0) + 1 })} {e.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {created !== null && (
        <Alert
          type="success"
          showIcon
          data-testid="draft-created"
          message={t('draftTasks.created', { count: created })}
          action={
            <Link to={`/p/${programme.id}/tasks?directiveId=${directiveId}`}>{t('draftTasks.openList')}</Link>
          }
        />
      )}
      {result && (
        <>
          <Typography.Text data-testid="draft-summary">
            {t('draftTasks.summary', {
              count: rows.length,
              flagged: rows.filter((r) => r.warnings.length).length,
              date: result.documentDate ?? '—',
            })}
          </Typography.Text>
          <Table<Row>
            rowKey="key"
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 1400 }}
            data-testid="draft-table"
            rowClassName={(r) => (errorsOf(rows.indexOf(r)).length ? 'draft-row-error' : '')}
            columns={[
              {
                title: '',
                width: 40,
                render: (_, r) => (
                  <Checkbox
                    checked={r.include}
                    onChange={(e) => patch(r.key, { include: e.target.checked })}
                  />
                ),
              },
              {
                title: t('draftTasks.col.source'),
                width: 260,
                render: (_, r) => (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.source.kind === 'line'
                        ? t('draftTasks.line', { n: r.source.line })
                        : t('draftTasks.row', { table: r.source.table, n: r.source.row })}
                      {r.group ? (
                        <>
                          {' '}
                          · <bdi>{r.group}</bdi>
                        </>
                      ) : null}
                    </Typography.Text>
                    <Typography.Paragraph
                      dir="auto"
                      style={{ fontSize: 12, margin: 0 }}
                      ellipsis={{ rows: 4, expandable: true, symbol: t('draftTasks.more') }}
                    >
                      {r.source.text}
                    </Typography.Paragraph>
                  </div>
                ),
              },
              {
                title: t('draftTasks.col.title'),
                width: 280,
                render: (_, r) => (
                  <Input.TextArea
                    autoSize={{ minRows: 2, maxRows: 6 }}
                    value={r.title}
                    data-testid={`draft-title-${r.key}`}
                    onChange={(e) => patch(r.key, { title: e.target.value })}
                  />
                ),
              },
              {
                title: t('draftTasks.col.lead'),
                width: 200,
                render: (_, r) => (
                  <Space direction="vertical" size={2} style={{ width: '100%' }}>
                    <Select
                      showSearch={{ filterOption: filterUnit }}
                      allowClear
                      style={{ width: '100%' }}
                      status={r.leadUnitId === null ? 'warning' : undefined}
                      value={r.leadUnitId ?? undefined}
                      placeholder={t('draftTasks.pickUnit')}
                      options={
                        r.leadUnitIds.length
                          ? [
                              ...unitOptions.filter((o) => r.leadUnitIds.includes(o.value)),
                              ...unitOptions.filter((o) => !r.leadUnitIds.includes(o.value)),
                            ]
                          : unitOptions
                      }
                      data-testid={`draft-lead-${r.key}`}
                      onChange={(v?: number) => patch(r.key, { leadUnitId: v ?? null })}
                    />
                    {r.leadUnitText && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        <bdi>{r.leadUnitText}</bdi>
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t('draftTasks.col.coordinators'),
                width: 240,
                render: (_, r) => (
                  <Select
                    mode="multiple"
                    showSearch={{ filterOption: filterUnit }}
                    style={{ width: '100%' }}
                    maxTagCount={2}
                    value={r.coordinatingUnitIds}
                    options={unitOptions}
                    onChange={(v: number[]) => patch(r.key, { coordinatingUnitIds: v })}
                  />
                ),
              },
              {
                title: t('draftTasks.col.deadline'),
                width: 170,
                render: (_, r) => (
                  <Space direction="vertical" size={2}>
                    <DatePicker
                      value={r.deadline ? dayjs(r.deadline) : null}
                      status={r.deadline === null ? 'warning' : undefined}
                      format="DD/MM/YYYY"
                      style={{ width: 140 }}
                      data-testid={`draft-deadline-${r.key}`}
                      onChange={(d) => patch(r.key, { deadline: d ? d.format('YYYY-MM-DD') : null })}
                    />
                    {r.deadlineText && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        <bdi>{r.deadlineText}</bdi>
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t('draftTasks.col.recurrence'),
                width: 140,
                render: (_, r) => (
                  <Select
                    allowClear
                    style={{ width: '100%' }}
                    value={r.recurrence ?? undefined}
                    options={DRAFT_RECURRENCES.map((v) => ({
                      value: v,
                      label: t(`draftTasks.recurrence.${v}`),
                    }))}
                    onChange={(v?: Row['recurrence']) => patch(r.key, { recurrence: v ?? null })}
                  />
                ),
              },
              {
                title: t('draftTasks.col.deliverable'),
                width: 180,
                render: (_, r) => (
                  <Input
                    value={r.deliverable ?? ''}
                    onChange={(e) => patch(r.key, { deliverable: e.target.value })}
                  />
                ),
              },
              {
                title: t('draftTasks.col.flags'),
                width: 200,
                render: (_, r) => (
                  <Space direction="vertical" size={2}>
                    {r.warnings.map((w, i) => (
                      <Tag
                        key={i}
                        color={w.code.startsWith('deadline_year') ? 'blue' : 'orange'}
                        style={{ whiteSpace: 'normal' }}
                      >
                        {t(`draftTasks.warning.${w.code}`)}
                        {w.text ? (
                          <>
                            : <bdi>{w.text}</bdi>
                          </>
                        ) : null}
                        {w.suggestions?.length ? (
                          <>
                            {' '}
                            ({t('draftTasks.suggest')} <bdi>{w.suggestions.map(unitName).join(', ')}</bdi>)
                          </>
                        ) : null}
                      </Tag>
                    ))}
                    {errorsOf(rows.indexOf(r)).map((e) => (
                      <Tag key={e.path} color="red" style={{ whiteSpace: 'normal' }}>
                        {e.message}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
          <Space>
            <Button
              type="primary"
              disabled={busy || !chosen.length || !ready}
              onClick={() => void create()}
              data-testid="draft-create"
            >
              {t('draftTasks.create', { count: chosen.length })}
            </Button>
            {!ready && <Typography.Text type="warning">{t('draftTasks.notReady')}</Typography.Text>}
          </Space>
        </>
      )}
    </Space>
  );
}
