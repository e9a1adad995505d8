import type { CriteriaSet } from '@shared/schemas/criteria';
import { App, Button, Input, Modal, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLang } from '../i18n';
import { formatDateTime } from '../i18n/format';
import { useProgrammeContext } from '../layout/useProgrammeContext';
import { ErrorNote, PageSpinner } from '../ui/states';
import { useAssessment, useCriteriaWrite } from './api';

type Draft = Record<string, { met: boolean | null; score: number | null; evidence: string }>;

/** One unit's values for a period, who entered each and when; entered or corrected here. */
export function UnitValues(props: {
  set: CriteriaSet;
  unit: { id: number; name: string; code: string };
  period: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const zone = useProgrammeContext().programme.timeZone;
  const lang = isLang(i18n.language) ? i18n.language : 'vi';
  const { message } = App.useApp();
  const [period, setPeriod] = useState(props.period);
  const a = useAssessment(props.set.id, props.unit.id, period);
  const write = useCriteriaWrite();
  const [draft, setDraft] = useState<Draft | null>(null);
  const startEdit = () => {
    const d: Draft = {};
    for (const c of props.set.criteria) {
      const v = a.data?.values.find((x) => x.criterionId === c.id);
      d[c.code] = { met: v ? v.met : null, score: v?.score ?? null, evidence: v?.evidence ?? '' };
    }
    setDraft(d);
  };
  const save = async () => {
    if (!draft) return;
    const values = props.set.criteria.flatMap((c) => {
      const v = draft[c.code]!;
      if (c.kind === 'boolean' ? v.met === null : v.score === null) return [];
      return [
        {
          criterionCode: c.code,
          met: c.kind === 'boolean' ? v.met : null,
          score: c.kind === 'score' ? v.score : null,
          evidence: v.evidence.trim() || null,
        },
      ];
    });
    if (!values.length) return;
    try {
      await write.mutateAsync({
        path: `/criteria/sets/${props.set.id}/assessments`,
        method: 'PUT',
        body: { unitId: props.unit.id, period, values },
      });
      void message.success(t('criteria.saved'));
      setDraft(null);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const patch = (code: string, v: Partial<Draft[string]>) =>
    setDraft((d) => (d ? { ...d, [code]: { ...d[code]!, ...v } } : d));
  return (
    <Modal
      open
      width={1000}
      footer={null}
      title={`${props.unit.name} · ${period}`}
      onCancel={props.onClose}
      data-testid="criteria-unit"
    >
      <Space style={{ marginBottom: 8 }}>
        <Input
          style={{ width: 110 }}
          value={period}
          onChange={(e) => setPeriod(e.target.value.trim())}
          aria-label={t('criteria.period')}
        />
        {draft ? (
          <Button
            type="primary"
            loading={write.isPending}
            onClick={() => void save()}
            data-testid="criteria-save"
          >
            {t('criteria.save')}
          </Button>
        ) : (
          <Button onClick={startEdit} data-testid="criteria-edit-values">
            {t('criteria.enter')}
          </Button>
        )}
      </Space>
      {a.isPending && <PageSpinner />}
      {a.error && <ErrorNote error={a.error} />}
      {a.data && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={props.set.criteria}
          columns={[
            {
              title: t('criteria.criterion'),
              key: 'c',
              render: (_, c) => (
                <div>
                  <Typography.Text strong>{c.code}</Typography.Text> {c.name}
                  {c.evidenceRequired && (
                    <Typography.Text type="secondary"> · {t('criteria.evidenceRequired')}</Typography.Text>
                  )}
                </div>
              ),
            },
            {
              title: t('criteria.value'),
              key: 'v',
              width: 150,
              render: (_, c) => {
                if (draft) {
                  const d = draft[c.code]!;
                  return c.kind === 'boolean' ? (
                    <Select
                      allowClear
                      style={{ width: 130 }}
                      value={d.met === null ? undefined : d.met ? 'met' : 'not'}
                      onChange={(v) => patch(c.code, { met: v === undefined ? null : v === 'met' })}
                      options={[
                        { value: 'met', label: `✓ ${t('criteria.met')}` },
                        { value: 'not', label: `✗ ${t('criteria.notMet')}` },
                      ]}
                    />
                  ) : (
                    <InputNumber
                      min={0}
                      max={c.maxScore ?? undefined}
                      value={d.score}
                      onChange={(v) => patch(c.code, { score: v ?? null })}
                    />
                  );
                }
                const v = a.data.values.find((x) => x.criterionId === c.id);
                if (!v)
                  return <Typography.Text type="secondary">{t('criteria.notAssessed')}</Typography.Text>;
                const label = v.met ? `✓ ${t('criteria.met')}` : `✗ ${t('criteria.notMet')}`;
                return v.score !== null ? `${v.score} (${label})` : label;
              },
            },
            {
              title: t('criteria.evidence'),
              key: 'e',
              render: (_, c) => {
                if (draft)
                  return (
                    <Input
                      value={draft[c.code]!.evidence}
                      placeholder={c.evidenceRequired ? t('criteria.evidenceHint') : undefined}
                      onChange={(e) => patch(c.code, { evidence: e.target.value })}
                    />
                  );
                return a.data.values.find((x) => x.criterionId === c.id)?.evidence ?? '';
              },
            },
            {
              title: t('criteria.enteredBy'),
              key: 'by',
              width: 180,
              render: (_, c) => {
                const v = a.data.values.find((x) => x.criterionId === c.id);
                return v ? (
                  <span>
                    {v.enteredBy ?? '—'} ({t(`criteria.as.${v.enteredAs}`)})
                    <br />
                    <Typography.Text type="secondary">
                      {formatDateTime(v.enteredAt, lang, zone)}
                    </Typography.Text>
                  </span>
                ) : null;
              },
            },
          ]}
        />
      )}
    </Modal>
  );
}
