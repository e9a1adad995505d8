import { ApartmentOutlined, DownloadOutlined, MergeCellsOutlined, UploadOutlined } from '@ant-design/icons';
import type { MergeUnitsResult, UnitImportResult } from '@shared/schemas/unit-bulk';
import type { Unit, UnitWithCounts } from '@shared/schemas/units';
import { UNIT_KINDS } from '@shared/vocabulary';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, toQueryString } from '../api/client';
import { fetchUnits } from '../api/queries';
import { i18next, isLang, type Lang } from '../i18n';
import { pickName } from '../i18n/format';

/** Sends the file as the request body; the answer is the preview or the committed import. */
async function sendFile(path: string, file: File): Promise<UnitImportResult> {
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
  const data = (await res.json()) as UnitImportResult | { error: { code: string; message: string } };
  if ('error' in data) throw new ApiError(res.status, data.error.code, data.error.message);
  return data;
}

const useLang = (): Lang => {
  const { i18n } = useTranslation();
  return isLang(i18n.language) ? i18n.language : 'vi';
};

/** A unit picker that searches as one types (merged units are never offered). */
function UnitPicker(props: {
  value?: number | number[];
  onChange?: (v: number | number[] | undefined) => void;
  multiple?: boolean;
  testId: string;
  exclude?: number[];
}) {
  const lang = useLang();
  const { t } = useTranslation();
  const [options, setOptions] = useState<UnitWithCounts[]>([]);
  const [known, setKnown] = useState<Map<number, UnitWithCounts>>(new Map());
  const search = async (q: string) => {
    if (q.trim().length < 2) return;
    const found = await fetchUnits({ q: q.trim() });
    setOptions(found);
    setKnown((m) => new Map([...m, ...found.map((u) => [u.id, u] as const)]));
  };
  // The current search's results, and the units already chosen (so their labels stay).
  const chosen = (Array.isArray(props.value) ? props.value : props.value ? [props.value] : []).flatMap(
    (id) => {
      const u = known.get(id);
      return u ? [u] : [];
    },
  );
  const shown = [...new Map([...options, ...chosen].map((u) => [u.id, u])).values()].filter(
    (u) => !props.exclude?.includes(u.id),
  );
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      mode={props.multiple ? 'multiple' : undefined}
      allowClear
      value={props.value}
      onChange={(v) => props.onChange?.(v as number | number[] | undefined)}
      placeholder={t('unitBulk.pickUnit')}
      data-testid={props.testId}
      options={shown.map((u) => ({
        value: u.id,
        label: `${pickName(u.name, lang)} (${u.code})`,
      }))}
      notFoundContent={t('unitBulk.typeToSearch')}
    />
  );
}

/** Import units: the template, a preview of every row (nothing written), then all rows or the good ones. */
export function UnitImportDialog(props: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<UnitImportResult | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (f: File, mode?: 'all' | 'valid') => {
    setBusy(true);
    setRefused(null);
    try {
      const out = await sendFile(
        mode ? `/units/import${toQueryString({ mode })}` : '/units/import/preview',
        f,
      );
      setResult(out);
      if (out.committed) {
        void message.success(
          t('unitBulk.imported', { created: out.created, updated: out.updated, moved: out.moved }),
        );
        props.onDone();
      }
    } catch (e) {
      setRefused((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setFile(null);
    setResult(null);
    setRefused(null);
    props.onClose();
  };
  const bad = result?.rows.filter((r) => r.errors.length) ?? [];
  return (
    <Modal
      open={props.open}
      onCancel={close}
      title={t('unitBulk.importTitle')}
      width={900}
      footer={null}
      destroyOnHidden
    >
      <div data-testid="unit-import">
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href="/api/v1/units/import/template.xlsx"
            data-testid="unit-import-template"
          >
            {t('unitBulk.template')}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            data-testid="unit-import-file"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              setResult(null);
              if (f) void run(f);
              e.target.value = '';
            }}
          />
          <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} loading={busy && !result}>
            {file ? file.name : t('unitBulk.choose')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('unitBulk.hint')}
        </Typography.Paragraph>
        {refused && <Alert type="error" showIcon description={refused} data-testid="unit-import-refused" />}
        {result && (
          <>
            <Space wrap style={{ margin: '8px 0' }}>
              <span data-testid="unit-import-summary">
                {t('unitBulk.summary', {
                  valid: result.valid,
                  total: result.total,
                  created: result.created,
                  updated: result.updated,
                  moved: result.moved,
                })}
              </span>
              {!result.committed && (
                <>
                  <Button
                    type="primary"
                    disabled={busy}
                    data-testid="unit-import-all"
                    onClick={() => file && void run(file, 'all')}
                  >
                    {t('unitBulk.importAll')}
                  </Button>
                  <Button
                    disabled={busy || result.valid === 0 || result.valid === result.total}
                    data-testid="unit-import-valid"
                    onClick={() => file && void run(file, 'valid')}
                  >
                    {t('unitBulk.importValid', { count: result.valid })}
                  </Button>
                </>
              )}
              {result.committed && (
                <Tag color="green" data-testid="unit-import-done">
                  {t('unitBulk.imported', {
                    created: result.created,
                    updated: result.updated,
                    moved: result.moved,
                  })}
                </Tag>
              )}
            </Space>
            <Table
              size="small"
              rowKey="row"
              pagination={result.rows.length > 10 ? { pageSize: 10 } : false}
              dataSource={bad.length ? bad : result.rows}
              data-testid={bad.length ? 'unit-import-errors' : 'unit-import-rows'}
              scroll={{ x: true }}
              columns={[
                { title: t('unitBulk.row'), dataIndex: 'row', width: 60 },
                { title: result.columns[0], render: (_, r) => r.values[0] ?? '', width: 120 },
                { title: result.columns[1], render: (_, r) => r.values[1] ?? '', width: 120 },
                { title: result.columns[2], render: (_, r) => r.values[2] ?? '', ellipsis: true },
                {
                  title: bad.length ? t('unitBulk.errors') : t('unitBulk.action'),
                  render: (_, r) =>
                    r.errors.length ? (
                      <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                        {r.errors.map((e, i) => (
                          <li key={i}>
                            <b>{e.column}</b>: {e.message}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      r.action && <Tag>{t(`unitBulk.actions.${r.action}`)}</Tag>
                    ),
                },
              ]}
            />
          </>
        )}
      </div>
    </Modal>
  );
}

/** Move a unit and its whole subtree under another parent. */
export function MoveUnitDialog(props: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ unitId: number; parentId?: number }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { unitId: number; parentId?: number }) => {
    setBusy(true);
    setError(null);
    try {
      await api<Unit>(`/units/${v.unitId}/move`, { method: 'POST', body: { parentId: v.parentId ?? null } });
      void message.success(t('unitBulk.moved'));
      form.resetFields();
      props.onDone();
      props.onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      onCancel={props.onClose}
      title={t('unitBulk.moveTitle')}
      okText={t('unitBulk.move')}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'unit-move-ok' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="unit-move">
        <Form.Item
          name="unitId"
          label={t('unitBulk.unitToMove')}
          rules={[{ required: true, message: t('unitBulk.required') }]}
        >
          <UnitPicker testId="unit-move-unit" />
        </Form.Item>
        <Form.Item name="parentId" label={t('unitBulk.newParent')} extra={t('unitBulk.newParentHint')}>
          <UnitPicker testId="unit-move-parent" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon description={error} data-testid="unit-move-error" />}
    </Modal>
  );
}

type MergeForm = {
  unitIds: number[];
  target: 'existing' | 'new';
  successorId?: number;
  code?: string;
  nameVi?: string;
  nameEn?: string;
  nameAr?: string;
  kind?: string;
  parentId?: number;
  mergedOn: dayjs.Dayjs;
};

/** Merge units into a successor (existing or new) from a day; before it every replay shows them as they were. */
export function MergeUnitsDialog(props: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MergeForm>();
  const target = Form.useWatch('target', form) ?? 'new';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: MergeForm) => {
    setBusy(true);
    setError(null);
    try {
      const successor =
        v.target === 'existing'
          ? { id: v.successorId! }
          : {
              code: v.code!,
              name: { vi: v.nameVi!, en: v.nameEn?.trim() || null, ar: v.nameAr?.trim() || null },
              kind: v.kind!,
              parentId: v.parentId ?? null,
            };
      const out = await api<MergeUnitsResult>('/units/merge', {
        method: 'POST',
        body: { unitIds: v.unitIds, successor, mergedOn: v.mergedOn.format('YYYY-MM-DD') },
      });
      void message.success(t('unitBulk.merged', { count: out.merged.length, users: out.usersMoved }));
      form.resetFields();
      props.onDone();
      props.onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t('unitBulk.required') }];
  return (
    <Modal
      open={props.open}
      onCancel={props.onClose}
      title={t('unitBulk.mergeTitle')}
      okText={t('unitBulk.merge')}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'unit-merge-ok' } as ButtonProps}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('unitBulk.mergeHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ target: 'new', mergedOn: dayjs(), kind: 'commune' }}
        onFinish={(v) => void submit(v)}
        data-testid="unit-merge"
      >
        <Form.Item name="unitIds" label={t('unitBulk.unitsToMerge')} rules={required}>
          <UnitPicker multiple testId="unit-merge-units" />
        </Form.Item>
        <Form.Item name="target" label={t('unitBulk.successor')}>
          <Radio.Group data-testid="unit-merge-target">
            <Radio value="new">{t('unitBulk.newSuccessor')}</Radio>
            <Radio value="existing">{t('unitBulk.existingSuccessor')}</Radio>
          </Radio.Group>
        </Form.Item>
        {target === 'existing' ? (
          <Form.Item name="successorId" label={t('unitBulk.successor')} rules={required}>
            <UnitPicker testId="unit-merge-successor" />
          </Form.Item>
        ) : (
          <>
            <Space.Compact block>
              <Form.Item name="code" label={t('unitBulk.code')} rules={required} style={{ width: '35%' }}>
                <Input data-testid="unit-merge-code" maxLength={50} />
              </Form.Item>
              <Form.Item name="kind" label={t('unitBulk.kind')} rules={required} style={{ width: '65%' }}>
                <Select
                  data-testid="unit-merge-kind"
                  options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
                />
              </Form.Item>
            </Space.Compact>
            <Form.Item name="nameVi" label={t('unitBulk.nameVi')} rules={required}>
              <Input data-testid="unit-merge-name-vi" maxLength={300} />
            </Form.Item>
            <Form.Item name="nameEn" label={t('unitBulk.nameEn')}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="nameAr" label={t('unitBulk.nameAr')}>
              <Input maxLength={300} dir="rtl" />
            </Form.Item>
            <Form.Item name="parentId" label={t('unitBulk.parent')}>
              <UnitPicker testId="unit-merge-parent" />
            </Form.Item>
          </>
        )}
        <Form.Item name="mergedOn" label={t('unitBulk.mergedOn')} rules={required}>
          <DatePicker data-testid="unit-merge-date" format="YYYY-MM-DD" allowClear={false} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon description={error} data-testid="unit-merge-error" />}
    </Modal>
  );
}

/** The admin's buttons above the unit tree. */
export function UnitBulkToolbar() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [open, setOpen] = useState<'import' | 'move' | 'merge' | null>(null);
  const done = () => void qc.invalidateQueries({ queryKey: ['units'] });
  return (
    <Space wrap data-testid="unit-bulk-toolbar">
      <Button icon={<UploadOutlined />} onClick={() => setOpen('import')} data-testid="unit-import-open">
        {t('unitBulk.import')}
      </Button>
      <Button icon={<ApartmentOutlined />} onClick={() => setOpen('move')} data-testid="unit-move-open">
        {t('unitBulk.moveOpen')}
      </Button>
      <Button icon={<MergeCellsOutlined />} onClick={() => setOpen('merge')} data-testid="unit-merge-open">
        {t('unitBulk.mergeOpen')}
      </Button>
      <UnitImportDialog open={open === 'import'} onClose={() => setOpen(null)} onDone={done} />
      <MoveUnitDialog open={open === 'move'} onClose={() => setOpen(null)} onDone={done} />
      <MergeUnitsDialog open={open === 'merge'} onClose={() => setOpen(null)} onDone={done} />
    </Space>
  );
}
