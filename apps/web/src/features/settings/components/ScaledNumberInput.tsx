import { InputNumber } from 'antd';
import type { ReactNode } from 'react';

interface ScaledNumberInputProps {
  /** The stored whole number (fen, basis points, bytes …). */
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Stored units in one shown unit: 100 for fen shown as yuan or basis points as %, 1 by default. */
  scale?: number;
  suffix?: ReactNode;
  id?: string;
  disabled?: boolean;
  'aria-label'?: string;
  'aria-invalid'?: boolean;
  status?: '' | 'error' | 'warning';
}

/**
 * A number input that shows a stored whole number in the unit people think in (yuan, %, MB) and
 * stores what is typed back as a whole number, so no amount is kept as a float.
 */
export function ScaledNumberInput({ value, onChange, scale = 1, suffix, ...rest }: ScaledNumberInputProps) {
  return (
    <InputNumber<number>
      {...rest}
      value={value === null || value === undefined ? null : value / scale}
      onChange={(shown) => onChange?.(shown === null ? null : Math.round(shown * scale))}
      min={0}
      suffix={suffix}
      inputMode="decimal"
      style={{ width: '100%' }}
    />
  );
}
