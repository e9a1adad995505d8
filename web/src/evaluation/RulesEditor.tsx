import { SettingOutlined } from '@ant-design/icons';
import { EVALUATION_CRITERIA, type EvaluationRules } from '@shared/evaluation';
import type { Evaluation } from '@shared/schemas/evaluations';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';

type Row = { code: (typeof EVALUATION_CRITERIA)[number]; on: boolean; weight: number };

/** The standing agency sets the year's criteria and weights (100 in all), thresholds and cap. */
export function RulesEditor({
  url,
  rules,
  onSaved,
}: {
  url: string;
  rules: EvaluationRules;
  onSaved: (e: Evaluation) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const start = (): Row[] =>
    EVALUATION_CRITERIA.map((code) => {
      const c = rules.criteria.find((x) => x.code === code);
      return { code, on: !!c, weight: c?.weight ?? 0 };
    });
  const [rows, setRows] = useState<Row[]>(start);
  const [thresholds, setThresholds] = useState(rules.thresholds);
  const [cap, setCap] = useState<number | null>(rules.excellentCapPct);
  const total = rows.filter((r) => r.on).reduce((a, r) => a + r.weight, 0);
  const save = useMutation({
    mutationFn: () =>
      api<Evaluation>(`${url}/rules`, {
        method: 'PUT',
        body: {
          criteria: rows.filter((r) => r.on && r.weight > 0).map((r) => ({ code: r.code, weight: r.weight })),
          thresholds,
          excellentCapPct: cap,
        },
      }),
    onSuccess: (e) => {
      onSaved(e);
      setOpen(false);
    },
  });
  const set = (code: Row['code'], patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.code === code ? { ...r, ...patch } : r)));
  return (
    <>
      <Button
        icon={<SettingOutlined />}
        data-testid="evaluation-rules"
        onClick={() => {
          setRows(start());
          setThresholds(rules.thresholds);
          setCap(rules.excellentCapPct);
          setOpen(true);
        }}
      >
        {t('evaluationMore.editRules')}
      </Button>
      <Modal
        open={open}
        title={t('evaluationMore.editRules')}
        okText={t('evaluationMore.save')}
        onOk={() => save.mutate()}
        okButtonProps={{ disabled: total !== 100, loading: save.isPending }}
        onCancel={() => setOpen(false)}
        width={620}
      >
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: t('evaluationMore.criterion'),
              key: 'c',
              render: (_v, r) => (
                <Checkbox checked={r.on} onChange={(e) => set(r.code, { on: e.target.checked })}>
                  {t(`evaluationMore.criteria.${r.code}`)}
                </Checkbox>
              ),
            },
            {
              title: t('evaluationMore.weight'),
              key: 'w',
              width: 130,
              render: (_v, r) => (
                <InputNumber
                  min={0}
                  max={100}
                  precision={0}
                  disabled={!r.on}
                  value={r.weight}
                  onChange={(v) => set(r.code, { weight: v ?? 0 })}
                  aria-label={t(`evaluationMore.criteria.${r.code}`)}
                />
              ),
            },
          ]}
        />
        <Typography.Paragraph type={total === 100 ? 'secondary' : 'danger'} style={{ marginTop: 8 }}>
          {t('evaluationMore.total', { total })}
        </Typography.Paragraph>
        <Space wrap>
          {(['excellent', 'good', 'complete'] as const).map((g) => (
            <Space key={g} size={4}>
              {t(`evaluation.grades.${g}`)} ≥
              <InputNumber
                min={0}
                max={100}
                value={thresholds[g]}
                onChange={(v) => setThresholds((x) => ({ ...x, [g]: v ?? 0 }))}
                style={{ width: 80 }}
              />
            </Space>
          ))}
          <Space size={4}>
            {t('evaluationMore.cap')}
            <InputNumber min={0} max={100} value={cap} onChange={(v) => setCap(v)} style={{ width: 80 }} />
          </Space>
        </Space>
        {save.isError && (
          <Alert type="error" showIcon style={{ marginTop: 12 }} title={(save.error as Error).message} />
        )}
      </Modal>
    </>
  );
}
