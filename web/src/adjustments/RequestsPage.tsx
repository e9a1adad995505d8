import type { Adjustment } from '@shared/schemas/adjustments';
import { App, Button, Input, Modal, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAdjustments, useCompletions, useRequestWrite, type Completion } from '../api/cycle';
import { isLang, type Lang } from '../i18n';
import { formatDate, formatDateTime } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';

const STATUS_COLOR: Record<string, string> = {
  pending: 'gold',
  approved: 'green',
  confirmed: 'green',
  rejected: 'red',
  returned: 'orange',
  withdrawn: 'default',
};

/** Adjustment requests for the steering body to decide, completions for the standing agency to confirm. */
export default function RequestsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'completions' ? 'completions' : 'adjustments';
  const [status, setStatus] = useState<string>('pending');
  return (
    <div data-testid="requests">
      <Typography.Title level={3}>{t('requests.title')}</Typography.Title>
      <Segmented
        value={status}
        onChange={(v) => setStatus(String(v))}
        options={['pending', 'all'].map((s) => ({
          value: s,
          label: s === 'all' ? t('common.all') : t('requests.status.pending'),
        }))}
        style={{ marginBottom: 8 }}
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'completions' ? { tab: k } : {})}
        items={[
          { key: 'adjustments', label: t('requests.adjustments'), children: <Adjustments status={status} /> },
          { key: 'completions', label: t('requests.completions'), children: <Completions status={status} /> },
        ]}
      />
    </div>
  );
}

function useDecision() {
  const { message } = App.useApp();
  const write = useRequestWrite();
  const [open, setOpen] = useState<{
    path: string;
    decision: string;
    needsNote: boolean;
    title: string;
  } | null>(null);
  const [note, setNote] = useState('');
  const send = async (path: string, decision: string, n?: string) => {
    try {
      await write.mutateAsync({ path, body: { decision, note: n || null } });
      setOpen(null);
      setNote('');
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const { t } = useTranslation();
  const modal = (
    <Modal
      open={open !== null}
      title={open?.title}
      onCancel={() => setOpen(null)}
      okButtonProps={
        { disabled: Boolean(open?.needsNote && !note.trim()), 'data-testid': 'confirm-decision' } as never
      }
      onOk={() => open && void send(open.path, open.decision, note)}
    >
      <Input.TextArea
        rows={3}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('requests.note')}
        data-testid="decision-note"
      />
    </Modal>
  );
  return { modal, ask: setOpen, busy: write.isPending };
}

function Adjustments({ status }: { status: string }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const list = useAdjustments({ programmeId: programme.id, status: status === 'all' ? undefined : status });
  const d = useDecision();
  const what = (a: Adjustment) => {
    const p = a.proposal as Record<string, unknown> & { replacement?: { title: string; deadline: string } };
    if (a.kind === 'extend')
      return `${formatDate(String(a.before.deadline), lang)} → ${formatDate(String(p.deadline), lang)}`;
    if (a.kind === 'replace' && p.replacement)
      return `${p.replacement.title} (${formatDate(p.replacement.deadline, lang)})`;
    if (a.kind === 'change')
      return Object.entries(p)
        .map(([k, v]) => `${k}: ${String(v ?? '—')}`)
        .join('; ');
    return '';
  };
  return (
    <>
      <Table<Adjustment>
        {...tableProps(list, t('requests.none'))}
        columns={[
          ...taskAndUnit<Adjustment>(t, programme.id),
          {
            title: t('requests.what'),
            key: 'what',
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                <Tag>{t(`requests.kind.${a.kind}`)}</Tag>
                <span>{what(a)}</span>
              </Space>
            ),
          },
          {
            title: t('requests.reason'),
            key: 'reason',
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                <span>{a.reason}</span>
                <Typography.Text type="secondary">
                  {t('requests.requested', {
                    by: a.requestedBy,
                    at: formatDateTime(a.requestedAt, lang, programme.timeZone),
                  })}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '',
            key: 'status',
            render: (_, a) => (
              <Decision
                can={a.can.decide}
                path={`/adjustments/${a.id}/decide`}
                yes={{
                  decision: 'approved',
                  label: t('requests.approve'),
                  testId: `approve-adjustment-${a.id}`,
                }}
                no={{ decision: 'rejected', label: t('requests.reject') }}
                status={a.status}
                decidedBy={a.decidedBy}
                decidedAt={a.decidedAt}
                note={a.decisionNote}
                ask={d.ask}
              />
            ),
          },
        ]}
      />
      {d.modal}
    </>
  );
}

function Completions({ status }: { status: string }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const list = useCompletions({ programmeId: programme.id, status: status === 'all' ? undefined : status });
  const d = useDecision();
  return (
    <>
      <Table<Completion>
        {...tableProps(list, t('requests.none'))}
        columns={[
          ...taskAndUnit<Completion>(t, programme.id),
          {
            title: t('requests.completedOn'),
            key: 'on',
            render: (_, c) => (
              <span style={{ color: c.completedOn > c.task.deadline ? '#cf1322' : undefined }}>
                {formatDate(c.completedOn, lang)} / {formatDate(c.task.deadline, lang)}
              </span>
            ),
          },
          { title: t('requests.product'), dataIndex: 'product' },
          {
            title: '',
            key: 'status',
            render: (_, c) => (
              <Decision
                can={c.can.decide}
                path={`/completions/${c.id}/decide`}
                yes={{ decision: 'confirmed', label: t('requests.confirm') }}
                no={{ decision: 'returned', label: t('requests.returnIt') }}
                status={c.status}
                decidedBy={c.decidedBy}
                decidedAt={c.decidedAt}
                note={c.decisionNote}
                ask={d.ask}
              />
            ),
          },
        ]}
      />
      {d.modal}
    </>
  );
}

type Ask = (v: { path: string; decision: string; needsNote: boolean; title: string }) => void;

/** A request's decision: the two buttons for whoever decides, else its status, who and when, and the note. */
function Decision(p: {
  can: boolean;
  path: string;
  yes: { decision: string; label: string; testId?: string };
  no: { decision: string; label: string };
  status: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  ask: Ask;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  if (p.can)
    return (
      <Space>
        <Button
          type="primary"
          size="small"
          data-testid={p.yes.testId}
          onClick={() =>
            p.ask({ path: p.path, decision: p.yes.decision, needsNote: false, title: p.yes.label })
          }
        >
          {p.yes.label}
        </Button>
        <Button
          danger
          size="small"
          onClick={() => p.ask({ path: p.path, decision: p.no.decision, needsNote: true, title: p.no.label })}
        >
          {p.no.label}
        </Button>
      </Space>
    );
  return (
    <Space direction="vertical" size={0}>
      <Tag color={STATUS_COLOR[p.status]}>{t(`requests.status.${p.status}`)}</Tag>
      {p.decidedAt && (
        <Typography.Text type="secondary">
          {t('requests.decided', {
            by: p.decidedBy ?? '',
            at: formatDateTime(p.decidedAt, lang, programme.timeZone),
          })}
        </Typography.Text>
      )}
      {p.note && <span>{p.note}</span>}
    </Space>
  );
}

type Request = { id: number; task: { id: number; code: string; title: string }; unit: { name: string } };

/** What both request tables share: their look, and the task and unit columns. */
function tableProps<R extends Request>(list: { isPending: boolean; data?: R[] }, empty: string) {
  return {
    size: 'small' as const,
    rowKey: 'id',
    loading: list.isPending,
    dataSource: list.data ?? [],
    locale: { emptyText: empty },
    pagination: { pageSize: 50, hideOnSinglePage: true },
    scroll: { x: 900 },
  };
}

function taskAndUnit<R extends Request>(t: (k: string) => string, programmeId: number) {
  return [
    {
      title: t('requests.task'),
      key: 'task',
      render: (_: unknown, r: R) => (
        <Link to={`/p/${programmeId}/tasks/${r.task.id}`}>
          {r.task.code} {r.task.title}
        </Link>
      ),
    },
    { title: t('requests.unit'), key: 'unit', render: (_: unknown, r: R) => r.unit.name },
  ];
}
