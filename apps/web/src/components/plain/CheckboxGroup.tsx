import type { SelectOption } from './Select';
import './controls.css';

interface CheckboxGroupProps {
  /** The group's name, read out with each box (a fieldset's legend). */
  label: string;
  options: readonly SelectOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
}

/** Several choices of a short list as native tick boxes, in antd's checkable tags' look. */
export function CheckboxGroup({ label, options, value, onChange }: CheckboxGroupProps) {
  const toggle = (v: string, on: boolean) => onChange(on ? [...value, v] : value.filter((x) => x !== v));
  return (
    <fieldset className="nx-field nx-checks">
      <legend className="nx-field-label">{label}</legend>
      <div className="nx-checks-list">
        {options.map((o) => (
          <label key={o.value} className="nx-check">
            <input
              type="checkbox"
              checked={value.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
