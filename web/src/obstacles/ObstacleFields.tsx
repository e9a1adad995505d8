import { OBSTACLE_CATEGORIES, OBSTACLE_SEVERITIES } from '@shared/registers';
import { DatePicker, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** What an obstacle says, the same on raising it and on editing it: title, description, group, severity, due day. */
export function ObstacleFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="title" label={t('obstacles.titleCol')} rules={[{ required: true, max: 500 }]}>
        <Input data-testid="obstacle-title" maxLength={500} />
      </Form.Item>
      <Form.Item name="description" label={t('obstacles.description')}>
        <Input.TextArea rows={3} maxLength={8000} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="category" label={t('obstacles.categoryCol')}>
          <Select
            style={{ minWidth: 200 }}
            data-testid="obstacle-category"
            options={OBSTACLE_CATEGORIES.map((x) => ({ value: x, label: t(`obstacles.category.${x}`) }))}
          />
        </Form.Item>
        <Form.Item name="severity" label={t('obstacles.severityCol')}>
          <Select
            style={{ minWidth: 140 }}
            options={OBSTACLE_SEVERITIES.map((x) => ({ value: x, label: t(`obstacles.severity.${x}`) }))}
          />
        </Form.Item>
        <Form.Item name="dueOn" label={t('obstacles.dueOn')}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Space>
    </>
  );
}
