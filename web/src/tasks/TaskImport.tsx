import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { TaskImport as TaskImportResult } from '@shared/schemas/task-import';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Progress, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, toQueryString } from '../api/client';
import { i18next } from '../i18n';

async function sendPreview(programmeId: number, file: File, encoding: string): Promise<TaskImportResult> {
  let res: Response;
  try {
    res = await fetch(
      `/api/v1/tasks/imports${toQueryString({ programmeId, fileName: file.name, encoding })}`,
      {
        method: 'POST',
        headers: {
          'x-steerboard-csrf': '1',
          'content-type': 'application/octet-stream',
          'accept-language': i18next.language || 'vi',
        },
        body: file,
        credentials: 'same-origin',
      },
    );
  } catch {
    throw new ApiError(0, 'network', i18next.t('common.offline'));
  }
  const data = (await res.json()) as TaskImportResult | { error: { code: string; message: string } };
  if ('error' in data) throw new ApiError(res.status, data.error.code, data.error.message);
  return data;
}

/**
 * "Import tasks" (standing agency, admin): the template to download, a file previewed first (the
 * server keeps it; no task written; every refused row with its reasons), then confirmed: all rows
 * or none, or only the valid ones. An existing code updates its task.
 */
export function TaskImportButton(props: { programmeId: number }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [encoding, setEncoding] = useState('utf-8');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<TaskImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'confirm' | null>(null);

  const preview = async (f: File) => {
    setBusy('preview');
    setError(null);
    setResult(null);
    try {
      setResult(await sendPreview(props.programmeId, f, encoding));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const confirm = async (mode: 'all' | 'valid') => {
    if (!result) return;
    setBusy('confirm');
    setError(null);
    try {
      const done = await api<TaskImportResult>(`/tasks/imports/${result.id}/confirm`, {
        method: 'POST',
        body: { mode },
      });
      setResult(done);
      void message.success(t('taskImport.done', { created: done.created, updated: done.updated }));
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      void qc.invalidateQueries({ queryKey: ['summary'] });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const done = result?.status === 'done';
  const refusedRows = result ? result.rows.filter((r) => r.action === 'error') : [];
  const errorsOf = (row: number) => result?.errors.filter((e) => e.row === row) ?? [];

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="task-import-open">
        {t('taskImport.open')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('taskImport.title')}
        size="large"
        placement={i18n.dir() === 'rtl' ? 'left' : 'right'}
        data-testid="task-import"
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('taskImport.hint')}
          </Typography.Paragraph>
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/v1/tasks/imports/template.xlsx${toQueryString({ programmeId: props.programmeId })}`}
              data-testid="task-import-template"
            >
              {t('taskImport.template')}
            </Button>
            <Select
              value={encoding}
              onChange={setEncoding}
              style={{ minWidth: 200 }}
              aria-label={t('taskImport.encoding')}
              options={[
                { value: 'utf-8', label: t('taskImport.utf8') },
                { value: 'windows-1258', label: 'Windows-1258' },
              ]}
            />
            <input
              ref={input}
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              hidden
              data-testid="task-import-file"
              onChange={(e) => {
                const f = e.target.files?.[0] ?? null;
                setFile(f);
                if (f) void preview(f);
                e.target.value = '';
              }}
            />
            <Button type="primary" ghost onClick={() => input.current?.click()} loading={busy === 'preview'}>
              {file ? file.name : t('taskImport.choose')}
            </Button>
          </Space>
          {error && <Alert type="error" showIcon description={error} data-testid="task-import-error" />}
          {busy === 'confirm' && (
            <div data-testid="task-import-progress">
              <Progress percent={99} status="active" showInfo={false} />
              <Typography.Text>{t('taskImport.writing', { count: result?.valid ?? 0 })}</Typography.Text>
            </div>
          )}
          {result && (
            <Space wrap size="large" data-testid="task-import-summary">
              <Statistic title={t('taskImport.rows')} value={result.total} />
              <Statistic title={t('taskImport.create')} value={done ? result.created : result.create} />
              <Statistic title={t('taskImport.update')} value={done ? result.updated : result.update} />
              <Statistic title={t('taskImport.unchanged')} value={result.unchanged} />
              <Statistic
                title={t('taskImport.invalid')}
                value={result.invalid}
                styles={{ content: { color: result.invalid ? '#b71c1c' : undefined } }}
              />
            </Space>
          )}
          {result && !done && (
            <Space wrap>
              <Button
                type="primary"
                disabled={busy !== null || result.invalid > 0 || result.valid === 0}
                onClick={() => void confirm('all')}
                data-testid="task-import-all"
              >
                {t('taskImport.importAll', { count: result.valid })}
              </Button>
              <Button
                disabled={busy !== null || result.valid === 0 || result.invalid === 0}
                onClick={() => void confirm('valid')}
                data-testid="task-import-valid"
              >
                {t('taskImport.importValid', { count: result.valid })}
              </Button>
              {result.headerRow > 1 && <Tag>{t('taskImport.headerAt', { row: result.headerRow })}</Tag>}
            </Space>
          )}
          {done && (
            <Alert
              type="success"
              showIcon
              data-testid="task-import-done"
              message={t('taskImport.done', { created: result.created, updated: result.updated })}
            />
          )}
          {result && refusedRows.length > 0 && (
            <Table
              size="small"
              rowKey="row"
              data-testid="task-import-errors"
              pagination={refusedRows.length > 10 ? { pageSize: 10 } : false}
              dataSource={refusedRows}
              columns={[
                { title: t('taskImport.row'), dataIndex: 'row', width: 70 },
                {
                  title: result.columns[0] || t('taskImport.code'),
                  render: (_, r) => r.values[0] ?? '',
                  width: 120,
                },
                {
                  title: t('taskImport.errors'),
                  render: (_, r) => (
                    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                      {errorsOf(r.row).map((e, i) => (
                        <li key={i}>
                          <b>{e.column}</b>: {e.message}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          )}
          {result?.errorsTruncated && (
            <Typography.Text type="secondary">{t('taskImport.truncated')}</Typography.Text>
          )}
        </Space>
      </Drawer>
    </>
  );
}
