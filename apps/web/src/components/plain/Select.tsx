import { type SelectHTMLAttributes, useId } from 'react';
import './controls.css';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectProps
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'multiple'> {
  label: string;
  options: readonly SelectOption[];
  value: string;
  onChange: (value: string) => void;
  /** The first option, for no choice (不限); its value is ''. */
  placeholder?: string;
}

/**
 * One choice of a list, as a native select with its label: a phone shows its own picker, the
 * keyboard moves through the options. For several choices, see CheckboxGroup.
 */
export function Select({ label, options, value, onChange, placeholder, id, ...rest }: SelectProps) {
  const ownId = useId();
  const selectId = id ?? ownId;
  return (
    <div className="nx-field">
      <label className="nx-field-label" htmlFor={selectId}>
        {label}
      </label>
      <select
        id={selectId}
        className="nx-select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...rest}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
