import { FUNDING_SOURCES, formatMoney, parseMoney } from '@shared/money';
import type { CapitalPlan } from '@shared/schemas/money';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { isLang, type Lang } from '../i18n';
import { TaskSelect } from '../tasks/TaskSelect';
import { UnitSelect } from '../tasks/UnitSelect';
import { showServerErrors } from '../ui/serverErrors';

const useLang = (): Lang => {
  const { i18n } = useTranslation();
  return isLang(i18n.language) ? i18n.language : 'vi';
};

/**
 * An amount of đồng typed with or without the locale's grouping ("1.250.000", "1,250,000");
 * regrouped on leaving the field; negative or fractional amounts are refused before sending.
 */
function MoneyField(props: { value?: string; onChange?: (v: string) => void; testId: string }) {
  const lang = useLang();
  return (
    <Input
      inputMode="numeric"
      dir="ltr"
      data-testid={props.testId}
      value={props.value}
      suffix="₫"
      onChange={(e) => props.onChange?.(e.target.value)}
      onBlur={() => {
        const v = props.value ? parseMoney(props.value) : null;
        if (v !== null) props.onChange?.(formatMoney(v, lang));
      }}
    />
  );
}
const moneyRule = (t: (k: string) => string, positive: boolean) => ({
  validator: (_: unknown, v: string | undefined) => {
    const n = v ? parseMoney(v) : null;
    return n === null || (positive && n === 0n)
      ? Promise.reject(new Error(t('registerScreens.moneyInvalid')))
      : Promise.resolve();
  },
});
/** What is sent: digits only, so the server never guesses the grouping. */
const digits = (v: string) => String(parseMoney(v));

/**
 * The dialogs of the money screens: one form, sent once; a refusal from the server stays in the
 * dialog (the sentence above the form, the field's own message under it) and nothing is closed.
 */
function MoneyDialog<T extends object, R>(props: {
  title: string;
  testId: string;
  fields: string[];
  initialValues: Partial<T>;
  send: (v: T) => Promise<R>;
  onDone: (r: R) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const qc = useQueryClient();
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const finish = async (v: T) => {
    setBusy(true);
    setError(null);
    try {
      const r = await props.send(v);
      await qc.invalidateQueries({ queryKey: ['money'] });
      props.onDone(r);
    } catch (e) {
      setError(showServerErrors(form, e, props.fields));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': `${props.testId}-save` } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={(v) => void finish(v)}
      >
        {error && (
          <Alert
            type="error"
            showIcon
            description={error}
            style={{ marginBottom: 12 }}
            data-testid={`${props.testId}-error`}
          />
        )}
        {props.children}
      </Form>
    </Modal>
  );
}

function AmountItem(props: { testId: string; positive: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="amount"
      label={t('money.amount')}
      rules={[{ required: true, message: t('registerScreens.moneyInvalid') }, moneyRule(t, props.positive)]}
    >
      <MoneyField testId={props.testId} />
    </Form.Item>
  );
}

type PlanForm = { code: string; source: string; year: number; amount: string; project?: string };

/** A new capital plan: for a task of the programme or a named project, a unit, a source and a year. */
export function PlanModal(props: { programmeId: number; today: string; onClose: (id?: number) => void }) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState<number | undefined>();
  const [taskIds, setTaskIds] = useState<number[]>([]);
  return (
    <MoneyDialog<PlanForm, CapitalPlan>
      title={t('registerScreens.plan.new')}
      testId="plan"
      fields={['code', 'source', 'year', 'amount', 'project']}
      initialValues={{ year: Number(props.today.slice(0, 4)), source: 'local_budget' }}
      onCancel={() => props.onClose()}
      onDone={(plan) => props.onClose(plan.id)}
      send={(v) =>
        api<CapitalPlan>('/money/plans', {
          method: 'POST',
          body: {
            programmeId: props.programmeId,
            code: v.code,
            unitId,
            taskId: taskIds[0] ?? null,
            project: v.project?.trim() || null,
            source: v.source,
            year: v.year,
            amount: digits(v.amount),
          },
        })
      }
    >
      <Form.Item name="code" label={t('money.code')} rules={[{ required: true, max: 40 }]}>
        <Input data-testid="plan-code" dir="ltr" />
      </Form.Item>
      <Form.Item label={t('money.unit')} required>
        <UnitSelect value={unitId} onChange={setUnitId} />
      </Form.Item>
      <Form.Item label={t('registerScreens.plan.task')} extra={t('registerScreens.plan.taskOrProject')}>
        <TaskSelect
          programmeId={props.programmeId}
          value={taskIds}
          onChange={setTaskIds}
          testId="plan-task"
        />
      </Form.Item>
      <Form.Item name="project" label={t('money.project')}>
        <Input data-testid="plan-project" maxLength={300} />
      </Form.Item>
      <Form.Item name="source" label={t('money.source')} rules={[{ required: true }]}>
        <Select
          data-testid="plan-source"
          options={FUNDING_SOURCES.map((s) => ({ value: s, label: t(`money.sources.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="year" label={t('money.year')} rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} precision={0} data-testid="plan-year" />
      </Form.Item>
      <AmountItem testId="plan-amount" positive={false} />
    </MoneyDialog>
  );
}

type ReviseForm = { amount: string; effectiveFrom: Dayjs; reason: string };

/** A new amount from a day on; the amounts before stay on record and in force before that day. */
export function ReviseModal(props: { plan: CapitalPlan; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <MoneyDialog<ReviseForm, unknown>
      title={`${t('registerScreens.plan.revise')} · ${props.plan.code}`}
      testId="revision"
      fields={['amount', 'effectiveFrom', 'reason']}
      initialValues={{ amount: formatMoney(props.plan.allocated, lang), effectiveFrom: dayjs(props.today) }}
      onCancel={props.onClose}
      onDone={props.onClose}
      send={(v) =>
        api(`/money/plans/${props.plan.id}/revisions`, {
          method: 'POST',
          body: {
            amount: digits(v.amount),
            effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
            reason: v.reason,
          },
        })
      }
    >
      <AmountItem testId="revision-amount" positive={false} />
      <Form.Item name="effectiveFrom" label={t('money.effectiveFrom')} rules={[{ required: true }]}>
        <DatePicker format="DD/MM/YYYY" allowClear={false} />
      </Form.Item>
      <Form.Item name="reason" label={t('money.reasonField')} rules={[{ required: true, max: 1000 }]}>
        <Input.TextArea rows={2} data-testid="revision-reason" />
      </Form.Item>
    </MoneyDialog>
  );
}

type PaymentForm = { paidOn: Dayjs; amount: string; reference?: string };

/**
 * One payment against a plan. Refused, with the server's reason shown: a negative or fractional
 * amount, a date after the "as of" day of the programme's clock, or more than the plan in force.
 */
export function PaymentModal(props: { plan: CapitalPlan; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <MoneyDialog<PaymentForm, unknown>
      title={`${t('money.pay')} · ${props.plan.code}`}
      testId="payment"
      fields={['paidOn', 'amount', 'reference']}
      initialValues={{ paidOn: dayjs(props.today) }}
      onCancel={props.onClose}
      onDone={props.onClose}
      send={(v) =>
        api('/money/payments', {
          method: 'POST',
          body: {
            planId: props.plan.id,
            paidOn: v.paidOn.format('YYYY-MM-DD'),
            amount: digits(v.amount),
            reference: v.reference?.trim() || null,
          },
        })
      }
    >
      <Form.Item name="paidOn" label={t('money.paidOn')} rules={[{ required: true }]}>
        <DatePicker format="DD/MM/YYYY" allowClear={false} data-testid="payment-date" />
      </Form.Item>
      <AmountItem testId="payment-amount" positive />
      <Form.Item name="reference" label={t('money.reference')} rules={[{ max: 60 }]}>
        <Input dir="ltr" data-testid="payment-reference" />
      </Form.Item>
    </MoneyDialog>
  );
}
