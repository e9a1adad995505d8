import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/** A date picker that holds an ISO date string (YYYY-MM-DD), as the API does, or null. */
export function DateField(props: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  testId: string;
  id?: string;
  disabledDate?: (d: Dayjs) => boolean;
  placeholder?: string;
}) {
  return (
    <DatePicker
      id={props.id}
      value={props.value ? dayjs(props.value) : null}
      onChange={(d) => props.onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      format="DD/MM/YYYY"
      disabledDate={props.disabledDate}
      placeholder={props.placeholder}
      data-testid={props.testId}
      style={{ width: '100%' }}
    />
  );
}
