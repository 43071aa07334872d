import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';

const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');

/** A past date (YYYY-MM-DD), the whole width of its column. */
export function DateField(props: DatePickerProps) {
  return <DatePicker format="YYYY-MM-DD" disabledDate={notFuture} style={{ width: '100%' }} {...props} />;
}
