import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { CRITERION_GROUPS } from '@shared/criteria';
import type { CriteriaSet } from '@shared/schemas/criteria';
import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCriteriaWrite } from './api';

type CriterionForm = {
  code: string;
  vi: string;
  en?: string;
  ar?: string;
  kind: 'boolean' | 'score';
  threshold?: number | null;
  maxScore?: number | null;
  evidenceRequired?: boolean;
  group?: string | null;
};
type SetFormValues = {
  code: string;
  vi: string;
  en?: string;
  ar?: string;
  unitKinds: string[];
  criteria: CriterionForm[];
};

const UNIT_KINDS = ['commune', 'ward', 'district', 'department', 'province'];

/** The set's criteria as a table; the standing agency edits them. */
export function SetView({ set }: { set: CriteriaSet }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <div data-testid="criteria-set-view">
      <Space style={{ marginBottom: 8 }} wrap>
        {set.unitKinds.map((k) => (
          <Tag key={k}>{t(`unitKind.${k}`, { defaultValue: k })}</Tag>
        ))}
        {set.can.manage && (
          <Button onClick={() => setEditing(true)} data-testid="criteria-edit-set">
            {t('criteria.editSet')}
          </Button>
        )}
      </Space>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={set.criteria}
        columns={[
          { title: t('criteria.code'), dataIndex: 'code', width: 90 },
          { title: t('criteria.criterion'), dataIndex: 'name' },
          {
            title: t('criteria.kindCol'),
            key: 'k',
            width: 130,
            render: (_, c) => t(`criteria.kind.${c.kind}`),
          },
          { title: t('criteria.threshold'), dataIndex: 'threshold', width: 90, align: 'end' },
          { title: t('criteria.maxScore'), dataIndex: 'maxScore', width: 90, align: 'end' },
          {
            title: t('criteria.evidenceRequired'),
            key: 'e',
            width: 120,
            render: (_, c) => (c.evidenceRequired ? '✓' : ''),
          },
          {
            title: t('criteria.group'),
            key: 'g',
            width: 160,
            render: (_, c) => (c.group ? t(`criteria.groups.${c.group}`) : ''),
          },
        ]}
      />
      {editing && <SetForm programmeId={set.programmeId} set={set} onClose={() => setEditing(false)} />}
    </div>
  );
}

/** Creates a set, or edits one (names, unit kinds, criteria matched by code). */
export function SetForm(props: { programmeId: number; set?: CriteriaSet; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useCriteriaWrite();
  const [, setParams] = useSearchParams();
  const [form] = Form.useForm<SetFormValues>();
  const s = props.set;
  const initial: Partial<SetFormValues> = s
    ? {
        code: s.code,
        vi: s.names.vi,
        en: s.names.en ?? undefined,
        ar: s.names.ar ?? undefined,
        unitKinds: s.unitKinds,
        criteria: s.criteria.map((c) => ({
          code: c.code,
          vi: c.names.vi,
          en: c.names.en ?? undefined,
          ar: c.names.ar ?? undefined,
          kind: c.kind,
          threshold: c.threshold,
          maxScore: c.maxScore,
          evidenceRequired: c.evidenceRequired,
          group: c.group,
        })),
      }
    : { unitKinds: ['commune', 'ward'], criteria: [{ code: 'TC01', vi: '', kind: 'boolean' }] };
  const submit = async (v: SetFormValues) => {
    const criteria = v.criteria.map((c) => ({
      code: c.code,
      name: { vi: c.vi, en: c.en || null, ar: c.ar || null },
      kind: c.kind,
      threshold: c.kind === 'score' ? (c.threshold ?? null) : null,
      maxScore: c.kind === 'score' ? (c.maxScore ?? null) : null,
      evidenceRequired: Boolean(c.evidenceRequired),
      group: c.group ?? null,
    }));
    const name = { vi: v.vi, en: v.en || null, ar: v.ar || null };
    try {
      const out = (await write.mutateAsync(
        s
          ? {
              path: `/criteria/sets/${s.id}`,
              method: 'PATCH',
              body: { version: s.version, name, unitKinds: v.unitKinds, criteria },
            }
          : {
              path: '/criteria/sets',
              body: { programmeId: props.programmeId, code: v.code, name, unitKinds: v.unitKinds, criteria },
            },
      )) as CriteriaSet;
      void message.success(t('criteria.saved'));
      if (!s) setParams({ set: String(out.id), tab: 'criteria' });
      props.onClose();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open
      width={980}
      title={s ? t('criteria.editSet') : t('criteria.newSet')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: write.isPending, 'data-testid': 'criteria-set-save' } as never}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={initial}>
        <Space wrap align="start">
          <Form.Item name="code" label={t('criteria.code')} rules={[{ required: true }]}>
            <Input disabled={Boolean(s)} maxLength={40} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="vi" label={t('criteria.nameVi')} rules={[{ required: true }]}>
            <Input maxLength={300} style={{ width: 300 }} />
          </Form.Item>
          <Form.Item name="en" label={t('criteria.nameEn')}>
            <Input maxLength={300} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="ar" label={t('criteria.nameAr')}>
            <Input maxLength={300} style={{ width: 220 }} dir="rtl" />
          </Form.Item>
        </Space>
        <Form.Item name="unitKinds" label={t('criteria.unitKinds')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`, { defaultValue: k }) }))}
          />
        </Form.Item>
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space
                  key={f.key}
                  wrap
                  align="start"
                  style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 4 }}
                >
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true }]}>
                    <Input placeholder={t('criteria.code')} style={{ width: 90 }} maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'vi']} rules={[{ required: true }]}>
                    <Input placeholder={t('criteria.nameVi')} style={{ width: 260 }} maxLength={300} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'en']}>
                    <Input placeholder={t('criteria.nameEn')} style={{ width: 150 }} maxLength={300} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'ar']}>
                    <Input
                      placeholder={t('criteria.nameAr')}
                      style={{ width: 150 }}
                      maxLength={300}
                      dir="rtl"
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']}>
                    <Select
                      style={{ width: 130 }}
                      options={(['boolean', 'score'] as const).map((k) => ({
                        value: k,
                        label: t(`criteria.kind.${k}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'threshold']}>
                    <InputNumber placeholder={t('criteria.threshold')} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'maxScore']}>
                    <InputNumber placeholder={t('criteria.maxScore')} style={{ width: 90 }} min={0} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'group']}>
                    <Select
                      allowClear
                      placeholder={t('criteria.group')}
                      style={{ width: 150 }}
                      options={CRITERION_GROUPS.map((g) => ({ value: g, label: t(`criteria.groups.${g}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'evidenceRequired']} valuePropName="checked">
                    <Checkbox>{t('criteria.evidenceRequired')}</Checkbox>
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('criteria.remove')} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ code: `TC${String(fields.length + 1).padStart(2, '0')}`, kind: 'boolean' })
                }
              >
                {t('criteria.addCriterion')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
