import type { Report } from '@shared/schemas/reports';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, InputNumber, Modal, Space, Tag, Timeline, Typography } from 'antd';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api/client';
import { saveReport, uploadEvidence, useReport, useReportAction } from '../api/cycle';
import { isLang, type Lang } from '../i18n';
import { formatDate, formatDateTime, ltr } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { ErrorNote, PageSpinner } from '../ui/states';
import { ReportStatusTag } from './labels';
import './reports.css';
import { RaiseFromEntry } from '../obstacles/RaiseFromEntry';
import { WhyDisabled } from '../ui/WhyDisabled';

type Entry = Report['entries'][number];
type Edit = Pick<Entry, 'percent' | 'done' | 'next' | 'obstacles' | 'belowReason'>;
const AUTOSAVE_MS = 1500;

/**
 * The unit's report for a period: one row per task, pre-filled from last week, saved as you type
 * (only what changed), submitted, then approved or returned by the leader. Rows keep their own
 * state so typing in one of a hundred does not redraw the others.
 */
export default function ReportFormPage() {
  const id = Number(useParams().reportId);
  const report = useReport(id);
  if (report.isPending) return <PageSpinner />;
  if (report.isError) return <ErrorNote error={report.error} onRetry={() => void report.refetch()} />;
  return <ReportForm key={id} initial={report.data} />;
}

function ReportForm({ initial }: { initial: Report }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [report, setReport] = useState(initial);
  const edits = useRef(new Map<number, Edit>());
  const [dirty, setDirty] = useState(0);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [filter, setFilter] = useState('');
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<{ taskId: number; message: string } | null>(null);
  const action = useReportAction(report.id);
  const editable = report.can.edit && !conflict;
  const zone = programme.timeZone;

  const save = useCallback(async () => {
    if (!edits.current.size || saving) return true;
    const batch = new Map(edits.current);
    setSaving(true);
    try {
      const next = await saveReport(report.id, {
        version: report.version,
        entries: [...batch].map(([taskId, e]) => ({ taskId, ...e, belowReason: e.belowReason || null })),
      });
      for (const [k, v] of batch) if (edits.current.get(k) === v) edits.current.delete(k);
      setDirty(edits.current.size);
      setReport(next);
      qc.setQueryData(['report', next.id], next);
      setSavedAt(new Date().toISOString());
      setFieldError(null);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_report') setConflict(true);
      else if (e instanceof ApiError && e.details[0]?.path.startsWith('entries.')) {
        const i = Number(e.details[0].path.split('.')[1]);
        setFieldError({ taskId: [...batch.keys()][i] ?? 0, message: e.message });
      } else void message.error((e as Error).message);
      return false;
    } finally {
      setSaving(false);
    }
  }, [report.id, report.version, saving, qc, message]);

  // Autosave a moment after the last keystroke; also when the page is left.
  useEffect(() => {
    if (!dirty || conflict) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [dirty, conflict, save]);
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (edits.current.size) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const onEdit = useCallback((taskId: number, e: Edit) => {
    edits.current.set(taskId, e);
    setDirty(edits.current.size);
  }, []);

  /** Someone else saved: take theirs, then lay my unsaved edits over it and save again. */
  async function reloadKeepingMine() {
    const fresh = await api<Report>(`/reports/${report.id}`);
    setReport(fresh);
    setConflict(false);
    setDirty(edits.current.size);
  }

  async function run(kind: 'submit' | 'approve' | 'return') {
    if (kind === 'submit' && !(await save())) return;
    try {
      const r = await action.mutateAsync({
        action: kind,
        version:
          kind === 'submit'
            ? (qc.getQueryData<Report>(['report', report.id])?.version ?? report.version)
            : report.version,
        comment,
      });
      setReport(r);
      setReturning(false);
      setComment('');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale_report') setConflict(true);
      else void message.error((e as Error).message);
    }
  }

  const entries = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q
      ? report.entries.filter((e) => `${e.taskCode} ${e.taskTitle}`.toLowerCase().includes(q))
      : report.entries;
  }, [report.entries, filter]);

  return (
    <div className="report" data-testid="report-form">
      <Link to={`/p/${programme.id}/inbox`}>{t('report.back')}</Link>
      <div className="report__head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {report.unit.name} — {t('report.title', { period: ltr(report.period) })}
        </Typography.Title>
        <Space wrap>
          <ReportStatusTag status={report.status} />
          {report.timeliness && (
            <Tag color={report.timeliness === 'on_time' ? 'green' : 'orange'} data-testid="timeliness">
              {t(`report.${report.timeliness}`)}
            </Tag>
          )}
          <Tag>{t('report.revision', { n: report.revision })}</Tag>
          <Typography.Text type="secondary">
            {t('report.due', { at: formatDateTime(report.dueAt, lang, zone) })} ·{' '}
            {formatDate(report.periodStart, lang)} – {formatDate(report.periodEnd, lang)}
          </Typography.Text>
        </Space>
      </div>
      {report.status === 'returned' && report.returnComment && (
        <Alert
          type="warning"
          showIcon
          title={t('report.returnedWith', { comment: report.returnComment })}
          data-testid="return-comment"
        />
      )}
      {conflict && (
        <Alert
          type="error"
          showIcon
          title={t('report.conflict')}
          action={<Button onClick={() => void reloadKeepingMine()}>{t('report.reload')}</Button>}
        />
      )}
      <div className="report__toolbar">
        <Input.Search
          allowClear
          placeholder={t('report.filter')}
          onChange={(e) => setFilter(e.target.value)}
          style={{ maxWidth: 320 }}
        />
        <Typography.Text type="secondary">
          {t('report.entries', { count: report.entries.length })}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Typography.Text type="secondary" data-testid="save-state" aria-live="polite">
          {saving
            ? t('report.saving')
            : dirty
              ? t('report.unsaved')
              : savedAt
                ? t('report.saved', { at: formatDateTime(savedAt, lang, zone) })
                : ''}
        </Typography.Text>
        {editable && (
          <WhyDisabled reason={!dirty && t('unitScreens.noChanges')}>
            <Button onClick={() => void save()} disabled={!dirty} data-testid="save-report">
              {t('report.save')}
            </Button>
          </WhyDisabled>
        )}
        {report.can.submit && !conflict && (
          <Button
            type="primary"
            onClick={() => void run('submit')}
            loading={action.isPending}
            data-testid="submit-report"
          >
            {t('report.submit')}
          </Button>
        )}
        {report.can.approve && (
          <>
            <Button danger onClick={() => setReturning(true)} data-testid="return-report">
              {t('report.return')}
            </Button>
            <Button
              type="primary"
              onClick={() => void run('approve')}
              loading={action.isPending}
              data-testid="approve-report"
            >
              {t('report.approve')}
            </Button>
          </>
        )}
      </div>
      {!report.entries.length && <Alert type="info" title={t('report.noEntries')} />}
      <div className="report__rows">
        {entries.map((e) => (
          <EntryRow
            key={e.taskId}
            entry={e}
            reportId={report.id}
            editable={editable}
            onEdit={onEdit}
            error={fieldError?.taskId === e.taskId ? fieldError.message : null}
          />
        ))}
      </div>
      <Card size="small" title={t('report.history')} style={{ marginTop: 16 }}>
        <Timeline
          items={report.events.map((ev) => ({
            children: (
              <span>
                <b>{t(`report.action.${ev.action}`, { defaultValue: ev.action })}</b> — {ev.actor ?? ''},{' '}
                {formatDateTime(ev.at, lang, zone)}
                {ev.comment ? `: ${ev.comment}` : ''}
              </span>
            ),
          }))}
        />
      </Card>
      <Modal
        open={returning}
        title={t('report.returnTitle')}
        onCancel={() => setReturning(false)}
        onOk={() => void run('return')}
        okButtonProps={{ disabled: !comment.trim(), danger: true, 'data-testid': 'confirm-return' } as never}
        okText={t('report.return')}
      >
        <Input.TextArea
          rows={4}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('report.returnComment')}
          data-testid="return-comment-input"
        />
      </Modal>
    </div>
  );
}

const EntryRow = memo(function EntryRow({
  entry,
  reportId,
  editable,
  onEdit,
  error,
}: {
  entry: Entry;
  reportId: number;
  editable: boolean;
  onEdit: (taskId: number, e: Edit) => void;
  error: string | null;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const { message } = App.useApp();
  const [v, setV] = useState<Edit>({
    percent: entry.percent,
    done: entry.done,
    next: entry.next,
    obstacles: entry.obstacles,
    belowReason: entry.belowReason,
  });
  const [files, setFiles] = useState(0);
  const change = (patch: Partial<Edit>) => {
    const next = { ...v, ...patch };
    setV(next);
    onEdit(entry.taskId, next);
  };
  const below = entry.lastApprovedPercent !== null && v.percent < entry.lastApprovedPercent;

  async function attach(file: File | undefined) {
    if (!file) return;
    try {
      await uploadEvidence(entry.taskId, file, reportId);
      setFiles((n) => n + 1);
      void message.success(t('requests.uploaded', { name: file.name }));
    } catch (e) {
      void message.error((e as Error).message);
    }
  }

  return (
    <Card size="small" className="report__row" data-testid={`entry-${entry.taskCode}`}>
      <div className="report__row-head">
        <Link to={`/p/${programme.id}/tasks/${entry.taskId}`}>
          <b>{entry.taskCode}</b> {entry.taskTitle}
        </Link>
        <Space size={4} wrap>
          <Tag>{t(`report.${entry.role}`)}</Tag>
          <Tag>{formatDate(entry.deadline, lang)}</Tag>
        </Space>
      </div>
      <div className="report__row-body">
        <label className="report__percent">
          <span>{t('report.percent')}</span>
          <InputNumber
            min={0}
            max={100}
            value={v.percent}
            disabled={!editable}
            onChange={(n) => change({ percent: typeof n === 'number' ? Math.round(n) : 0 })}
            data-testid="percent"
          />
          {entry.lastApprovedPercent !== null && (
            <Typography.Text type="secondary">
              {t('report.last', { p: entry.lastApprovedPercent })}
            </Typography.Text>
          )}
        </label>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 6 }}
          placeholder={t('report.done')}
          aria-label={t('report.done')}
          value={v.done}
          disabled={!editable}
          maxLength={4000}
          onChange={(e) => change({ done: e.target.value })}
          data-testid="done"
        />
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 6 }}
          placeholder={t('report.next')}
          aria-label={t('report.next')}
          value={v.next}
          disabled={!editable}
          maxLength={4000}
          onChange={(e) => change({ next: e.target.value })}
        />
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 6 }}
          placeholder={t('report.obstacles')}
          aria-label={t('report.obstacles')}
          value={v.obstacles}
          disabled={!editable}
          maxLength={4000}
          onChange={(e) => change({ obstacles: e.target.value })}
        />
        <RaiseFromEntry programmeId={programme.id} reportId={reportId} entry={entry} note={v.obstacles} />
        {below && (
          <Input
            status={error ? 'error' : undefined}
            placeholder={t('report.belowReason')}
            aria-label={t('report.belowReason')}
            value={v.belowReason ?? ''}
            disabled={!editable}
            onChange={(e) => change({ belowReason: e.target.value })}
            data-testid="below-reason"
          />
        )}
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
        {entry.partners.length > 0 && (
          <div className="report__partners" data-testid="partners">
            <Typography.Text type="secondary">{t('report.partners')}</Typography.Text>
            {entry.partners.map((x) => (
              <div key={x.unit.id}>
                <b>{x.unit.name}</b> · {x.percent}% · {x.done}
                {x.obstacles ? ` · ${t('report.obstacles')}: ${x.obstacles}` : ''}
              </div>
            ))}
          </div>
        )}
        {editable && (
          <label className="report__attach">
            <input type="file" hidden onChange={(e) => void attach(e.target.files?.[0])} />
            <Button
              size="small"
              onClick={(e) => (e.currentTarget.previousElementSibling as HTMLInputElement | null)?.click()}
            >
              {t('report.attach')}
            </Button>
            {files > 0 && (
              <Typography.Text type="secondary">{t('report.files', { count: files })}</Typography.Text>
            )}
          </label>
        )}
      </div>
    </Card>
  );
});
