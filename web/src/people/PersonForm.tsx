import type { Person } from '@shared/schemas/users';
import { Form, Input, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { UnitSelect } from '../tasks/UnitSelect';

/** The unit picker as a form control (the form gives it value and onChange). */
function FormUnit(p: { value?: number; onChange?: (v: number | undefined) => void }) {
  return <UnitSelect value={p.value} onChange={(v) => p.onChange?.(v)} />;
}

export type PersonFields = { email: string; displayName: string; unitId?: number; locale: Person['locale'] };

/** Name, e-mail, own unit and language: the same fields to invite someone and to edit them. */
export function PersonForm(props: {
  form: FormInstance<PersonFields>;
  initial?: Partial<PersonFields>;
  disabled?: boolean;
  onFinish: (v: PersonFields) => void;
}) {
  const { t } = useTranslation();
  const required = (field: string) => ({ required: true, message: t('auth.required', { field }) });
  return (
    <Form<PersonFields>
      form={props.form}
      layout="vertical"
      initialValues={{ locale: 'vi', ...props.initial }}
      disabled={props.disabled}
      onFinish={props.onFinish}
      requiredMark={false}
    >
      <Form.Item name="displayName" label={t('people.name')} rules={[required(t('people.name'))]}>
        <Input maxLength={200} data-testid="person-name" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('people.email')}
        rules={[{ ...required(t('people.email')), type: 'email' }]}
      >
        <Input dir="ltr" inputMode="email" maxLength={200} data-testid="person-email" />
      </Form.Item>
      <Form.Item name="unitId" label={t('people.unit')}>
        <FormUnit />
      </Form.Item>
      <Form.Item name="locale" label={t('people.locale')}>
        <Select
          data-testid="person-locale"
          options={(['vi', 'en', 'ar'] as const).map((l) => ({ value: l, label: t(`people.langs.${l}`) }))}
        />
      </Form.Item>
    </Form>
  );
}
