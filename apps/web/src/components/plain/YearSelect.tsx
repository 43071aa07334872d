import { useTranslation } from 'react-i18next';
import './controls.css';

interface YearSelectProps {
  /** The choice's name, read out by screen readers (no visible label: it stands by the title). */
  label: string;
  years: readonly number[];
  value: number;
  onChange: (year: number) => void;
  width?: number;
}

/** A year's choice beside a page's title, as antd's small Select: a native select. */
export function YearSelect({ label, years, value, onChange, width = 100 }: YearSelectProps) {
  const { t } = useTranslation();
  return (
    <select
      className="nx-select"
      aria-label={label}
      style={{ width, flex: 'none' }}
      value={value}
      onChange={(e) => onChange(Number(e.target.value))}
    >
      {years.map((y) => (
        <option key={y} value={y}>
          {t('common.year', { year: y })}
        </option>
      ))}
    </select>
  );
}
