import { DownloadOutlined } from '@ant-design/icons';
import { DATASET_MARKS, PLATFORMS } from '@shared/criteria';
import type { Dataset } from '@shared/schemas/catalogue';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { toQueryString } from '../api/client';
import { useAsOf } from '../app/useAsOf';
import { uploadXlsx, useCatalogueSummary, useCriteriaWrite, useDatasets } from '../criteria/api';
import type { AssessmentImport } from '@shared/schemas/criteria';
import { useQueryClient } from '@tanstack/react-query';
import { isLang } from '../i18n';
import { formatDate } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { UnitSelect } from '../tasks/UnitSelect';
import { ErrorNote, PageSpinner } from '../ui/states';
import { WhyDisabled } from '../ui/WhyDisabled';

/**
 * The shared data catalogue: each unit's datasets, published or not as of the day, the shared
 * platforms they connect to, the six marks; the units that have published nothing; the
 * publication deadline's task, overdue or not.
 */
export default function CataloguePage() {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { programme } = useProgrammeContext();
  const [asOf] = useAsOf();
  const [params, setParams] = useSearchParams();
  const published = params.get('published') ?? undefined;
  const platform = params.get('platform') ?? undefined;
  const lacking = params.get('lacking') ?? undefined;
  const ownerUnitId = params.get('owner') ?? undefined;
  const q = { programmeId: programme.id, asOf, published, platform, lacking, ownerUnitId };
  const list = useDatasets(q);
  const summary = useCatalogueSummary({ programmeId: programme.id, asOf });
  const [editing, setEditing] = useState<Dataset | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const put = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };
  if (list.isPending || summary.isPending) return <PageSpinner />;
  if (list.error || summary.error) return <ErrorNote error={list.error ?? summary.error} />;
  const s = summary.data;
  return (
    <div data-testid="catalogue">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3}>{t('catalogue.title')}</Typography.Title>
        <Space>
          <Button
            icon={<DownloadOutlined />}
            href={`/api/v1/catalogue/datasets/export.xlsx${toQueryString(q)}`}
            download
          >
            {t('catalogue.export')}
          </Button>
          <Button onClick={() => setImporting(true)} data-testid="dataset-import">
            {t('catalogue.import')}
          </Button>
          <Button type="primary" onClick={() => setEditing('new')} data-testid="dataset-new">
            {t('catalogue.new')}
          </Button>
        </Space>
      </Space>
      <Space wrap align="start" style={{ marginBottom: 12 }}>
        <Card size="small">
          <Statistic title={t('catalogue.published')} value={s.published} suffix={`/ ${s.total}`} />
        </Card>
        {s.deadline && (
          <Card size="small" title={t('catalogue.deadline')} data-testid="catalogue-deadline">
            {s.deadline.readable ? (
              <Link to={`/p/${programme.id}/tasks/${s.deadline.taskId}`}>{s.deadline.title}</Link>
            ) : (
              <Typography.Text>{s.deadline.title}</Typography.Text>
            )}
            <div>
              {formatDate(s.deadline.deadline, lang)}{' '}
              {s.deadline.completedOn ? (
                <Tag color="green">
                  {t('catalogue.done', { date: formatDate(s.deadline.completedOn, lang) })}
                </Tag>
              ) : s.deadline.overdue ? (
                <Tag color="red">{t('catalogue.overdue')}</Tag>
              ) : (
                <Tag color="blue">{t('catalogue.open')}</Tag>
              )}
            </div>
          </Card>
        )}
        <Card size="small" title={t('catalogue.marksTitle')}>
          <Space wrap>
            {DATASET_MARKS.map((m) => (
              <Tag key={m}>
                {t(`catalogue.mark.${m}`)}: {s.marks[m]}/{s.total}
              </Tag>
            ))}
          </Space>
        </Card>
        <Card
          size="small"
          title={t('catalogue.notPublished', { count: s.notPublished.length })}
          data-testid="catalogue-not-published"
        >
          <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 160, overflow: 'auto' }}>
            {s.notPublished.map((u) => (
              <li key={u.id}>
                {u.name}
                {u.unpublished > 0 && (
                  <Typography.Text type="secondary">
                    {' '}
                    ({t('catalogue.holds', { count: u.unpublished })})
                  </Typography.Text>
                )}
              </li>
            ))}
          </ul>
        </Card>
      </Space>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          allowClear
          placeholder={t('catalogue.publishedCol')}
          style={{ minWidth: 160 }}
          value={published}
          onChange={(v) => put('published', v)}
          options={[
            { value: 'true', label: t('catalogue.isPublished') },
            { value: 'false', label: t('catalogue.notYet') },
          ]}
        />
        <Select
          allowClear
          placeholder={t('catalogue.platform')}
          style={{ minWidth: 220 }}
          value={platform}
          onChange={(v) => put('platform', v)}
          options={PLATFORMS.map((p) => ({ value: p, label: t(`catalogue.platforms.${p}`) }))}
        />
        <Select
          allowClear
          placeholder={t('catalogue.lacking')}
          style={{ minWidth: 180 }}
          value={lacking}
          onChange={(v) => put('lacking', v)}
          options={DATASET_MARKS.map((m) => ({ value: m, label: t(`catalogue.mark.${m}`) }))}
        />
        <div style={{ minWidth: 240 }}>
          <UnitSelect
            value={ownerUnitId ? Number(ownerUnitId) : undefined}
            onChange={(v) => put('owner', v ? String(v) : undefined)}
          />
        </div>
      </Space>
      <Table
        size="small"
        rowKey="id"
        dataSource={list.data}
        pagination={{ pageSize: 50 }}
        data-testid="datasets"
        columns={[
          {
            title: t('catalogue.dataset'),
            key: 'n',
            render: (_, d) => (
              <div>
                <Typography.Text strong>{d.code}</Typography.Text> {d.name}
                {d.description && <div style={{ color: '#666' }}>{d.description}</div>}
              </div>
            ),
          },
          { title: t('catalogue.owner'), key: 'o', render: (_, d) => d.owner.name },
          {
            title: t('catalogue.publishedCol'),
            key: 'p',
            render: (_, d) =>
              d.published ? (
                <Tag color="green">{formatDate(d.publishedOn, lang)}</Tag>
              ) : (
                <Tag color="orange">{t('catalogue.notYet')}</Tag>
              ),
          },
          {
            title: t('catalogue.platform'),
            key: 'pl',
            render: (_, d) => d.platforms.map((p) => <Tag key={p}>{t(`catalogue.platforms.${p}`)}</Tag>),
          },
          ...DATASET_MARKS.map((m) => ({
            title: t(`catalogue.mark.${m}`),
            key: m,
            width: 70,
            align: 'center' as const,
            render: (_: unknown, d: Dataset) =>
              d.marks[m] ? (
                <span style={{ color: '#389e0d' }}>✓</span>
              ) : (
                <span style={{ color: '#cf1322' }}>✗</span>
              ),
          })),
          {
            key: 'act',
            render: (_, d) =>
              d.can.edit && (
                <Button size="small" onClick={() => setEditing(d)}>
                  {t('catalogue.edit')}
                </Button>
              ),
          },
        ]}
      />
      {importing && <ImportModal programmeId={programme.id} onClose={() => setImporting(false)} />}
      {editing && (
        <DatasetForm
          programmeId={programme.id}
          dataset={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

type FormValues = {
  code: string;
  name: string;
  description?: string;
  publishedOn?: Dayjs | null;
  platforms: string[];
  marks: string[];
};

function DatasetForm(props: { programmeId: number; dataset?: Dataset; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useCriteriaWrite();
  const [form] = Form.useForm<FormValues>();
  const d = props.dataset;
  const [owner, setOwner] = useState<number | undefined>(d?.owner.id);
  const submit = async (v: FormValues) => {
    const common = {
      name: v.name,
      description: v.description ?? '',
      publishedOn: v.publishedOn ? v.publishedOn.format('YYYY-MM-DD') : null,
      platforms: v.platforms,
      marks: v.marks,
      ownerUnitId: owner,
    };
    try {
      await write.mutateAsync(
        d
          ? { path: `/catalogue/datasets/${d.id}`, method: 'PATCH', body: { version: d.version, ...common } }
          : {
              path: '/catalogue/datasets',
              body: { programmeId: props.programmeId, code: v.code, ...common },
            },
      );
      void message.success(t('catalogue.saved'));
      props.onClose();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open
      width={720}
      title={d ? d.name : t('catalogue.new')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: write.isPending, 'data-testid': 'dataset-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          code: d?.code,
          name: d?.name,
          description: d?.description,
          publishedOn: d?.publishedOn ? dayjs(d.publishedOn) : null,
          platforms: d?.platforms ?? [],
          marks: d ? DATASET_MARKS.filter((m) => d.marks[m]) : [],
        }}
      >
        <Space wrap align="start">
          <Form.Item name="code" label={t('catalogue.code')} rules={[{ required: true }]}>
            <Input disabled={Boolean(d)} maxLength={60} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="name" label={t('catalogue.dataset')} rules={[{ required: true }]}>
            <Input maxLength={300} style={{ width: 420 }} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('catalogue.description')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item label={t('catalogue.owner')} required>
          <UnitSelect value={owner} onChange={setOwner} />
        </Form.Item>
        <Form.Item name="publishedOn" label={t('catalogue.publishedOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="platforms" label={t('catalogue.platform')}>
          <Select
            mode="multiple"
            options={PLATFORMS.map((p) => ({ value: p, label: t(`catalogue.platforms.${p}`) }))}
          />
        </Form.Item>
        <Form.Item name="marks" label={t('catalogue.marksTitle')}>
          <Checkbox.Group
            options={DATASET_MARKS.map((m) => ({ value: m, label: t(`catalogue.mark.${m}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The catalogue's template, then the file: a preview with row errors, all rows or only the valid ones. */
function ImportModal(props: { programmeId: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<AssessmentImport | null>(null);
  const base = `/catalogue/datasets/import`;
  const run = async (path: string, f: File) => {
    try {
      const out = await uploadXlsx(path, f, lang);
      setResult(out);
      if (out.committed) {
        void message.success(t('catalogue.imported', { count: out.written }));
        for (const k of ['datasets', 'catalogue-summary']) await qc.invalidateQueries({ queryKey: [k] });
      }
    } catch (e) {
      setResult(null);
      void message.error((e as Error).message);
    }
  };
  const q = `programmeId=${props.programmeId}`;
  return (
    <Modal open width={820} title={t('catalogue.import')} onCancel={props.onClose} footer={null}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <a href={`/api/v1/catalogue/datasets/template.xlsx?${q}`}>{t('catalogue.template')}</a>
        <Space wrap>
          <input
            type="file"
            accept=".xlsx"
            aria-label={t('criteria.chooseFile')}
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              if (f) void run(`${base}/preview?${q}`, f);
            }}
          />
          <WhyDisabled
            reason={
              !file
                ? t('unitScreens.chooseFileFirst')
                : !result
                  ? t('unitScreens.checkFirst')
                  : result.committed && t('unitScreens.alreadyImported')
            }
          >
            <Button
              type="primary"
              disabled={!file || !result || result.committed}
              onClick={() => file && void run(`${base}?${q}&mode=all`, file)}
            >
              {t('criteria.importAll')}
            </Button>
          </WhyDisabled>
          <Button
            disabled={!file || !result || result.committed || result.valid === 0}
            onClick={() => file && void run(`${base}?${q}&mode=valid`, file)}
          >
            {t('criteria.importValid')}
          </Button>
          {result && <span>{t('criteria.rowsSummary', result)}</span>}
        </Space>
        {result && result.valid < result.total && (
          <Table
            size="small"
            rowKey="row"
            pagination={false}
            dataSource={result.rows.filter((x) => x.errors.length)}
            columns={[
              { title: t('criteria.row'), dataIndex: 'row', width: 70 },
              { title: t('catalogue.owner'), dataIndex: 'unitCode', width: 140 },
              {
                title: t('criteria.errors'),
                render: (_, x) => x.errors.map((e) => `${e.column}: ${e.message}`).join('; '),
              },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
