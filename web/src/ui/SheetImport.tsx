import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { SheetImportResult } from '@shared/schemas/sheet-import';
import { App, Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, toQueryString } from '../api/client';
import { i18next } from '../i18n';
import { WhyDisabled } from './WhyDisabled';

/** Sends the XLSX as the request body; the answer is the preview or the committed import. */
async function send(path: string, file: File): Promise<SheetImportResult> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method: 'POST',
      headers: {
        'x-steerboard-csrf': '1',
        'content-type': file.type || 'application/octet-stream',
        'accept-language': i18next.language || 'vi',
      },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', i18next.t('common.offline'));
  }
  const data = (await res.json()) as SheetImportResult | { error: { code: string; message: string } };
  if ('error' in data) throw new ApiError(res.status, data.error.code, data.error.message);
  return data;
}

/**
 * The one XLSX import of every register (capital plans, payments, obstacles, recommendations):
 * the template to download, a file that is previewed first (nothing written, every row with its
 * errors in the reader's language), then imported whole (the default: any error and nothing is
 * written) or only its good rows. `base` is the register's import path on the API.
 */
export function SheetImport(props: {
  base: string;
  programmeId: number;
  title: string;
  testId: string;
  onImported?: (written: number) => void;
  /** File types offered (XLSX only unless the import also reads CSV), and the button's words. */
  accept?: string;
  chooseLabel?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<SheetImportResult | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const q = { programmeId: props.programmeId };
  const run = async (f: File, mode?: 'all' | 'valid') => {
    setBusy(true);
    setRefused(null);
    try {
      const out = await send(
        mode
          ? `${props.base}/import${toQueryString({ ...q, mode })}`
          : `${props.base}/import/preview${toQueryString(q)}`,
        f,
      );
      setResult(out);
      if (out.committed) {
        void message.success(t('registerScreens.sheet.imported', { count: out.written }));
        props.onImported?.(out.written);
      }
    } catch (e) {
      setResult(null);
      setRefused((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const bad = result ? result.rows.filter((r) => r.errors.length) : [];
  return (
    <Card
      size="small"
      title={props.title}
      data-testid={props.testId}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          href={`/api/v1${props.base}/template.xlsx${toQueryString(q)}`}
          data-testid={`${props.testId}-template`}
        >
          {t('registerScreens.sheet.template')}
        </Button>
      }
    >
      <Space wrap>
        <input
          ref={input}
          type="file"
          accept={props.accept ?? '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'}
          hidden
          data-testid={`${props.testId}-file`}
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setFile(f);
            setResult(null);
            if (f) void run(f);
            e.target.value = '';
          }}
        />
        <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} loading={busy && !result}>
          {file ? file.name : (props.chooseLabel ?? t('registerScreens.sheet.choose'))}
        </Button>
        {result && !result.committed && (
          <>
            <span data-testid={`${props.testId}-summary`}>
              {t('registerScreens.sheet.summary', { valid: result.valid, total: result.total })}
            </span>
            <Button
              type="primary"
              disabled={!file || busy}
              data-testid={`${props.testId}-all`}
              onClick={() => file && void run(file, 'all')}
            >
              {t('registerScreens.sheet.importAll')}
            </Button>
            <WhyDisabled reason={result.valid === 0 && t('unitScreens.nothingValid')}>
              <Button
                disabled={!file || busy || result.valid === 0 || result.valid === result.total}
                data-testid={`${props.testId}-valid`}
                onClick={() => file && void run(file, 'valid')}
              >
                {t('registerScreens.sheet.importValid', { count: result.valid })}
              </Button>
            </WhyDisabled>
          </>
        )}
        {result?.committed && (
          <Tag color="green" data-testid={`${props.testId}-done`}>
            {t('registerScreens.sheet.imported', { count: result.written })}
          </Tag>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {props.hint ?? t('registerScreens.sheet.hint')}
      </Typography.Paragraph>
      {refused && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          description={refused}
          data-testid={`${props.testId}-refused`}
        />
      )}
      {result && bad.length > 0 && (
        <Table
          size="small"
          rowKey="row"
          style={{ marginTop: 8 }}
          pagination={bad.length > 10 ? { pageSize: 10 } : false}
          dataSource={bad}
          data-testid={`${props.testId}-errors`}
          columns={[
            { title: t('registerScreens.sheet.row'), dataIndex: 'row', width: 70 },
            {
              title: result.columns[0] ?? '',
              render: (_, r) => r.values[0] ?? '',
              ellipsis: true,
              width: 180,
            },
            {
              title: t('registerScreens.sheet.errors'),
              render: (_, r) => (
                <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                  {r.errors.map((e, i) => (
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
    </Card>
  );
}
