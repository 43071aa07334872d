import { type InputHTMLAttributes, useId } from 'react';
import './controls.css';

interface InputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'size'> {
  /** The visible label above the box; without it, give an aria-label. */
  label?: string;
  /** A message under the box (a rule broken); the box is then marked invalid. */
  error?: string;
}

/** antd's Input as a native input with its label: text, search, number (inputmode numeric) … */
export function Input({ label, error, id, className, ...rest }: InputProps) {
  const ownId = useId();
  const inputId = id ?? ownId;
  const errorId = `${inputId}-error`;
  const input = (
    <input
      id={inputId}
      className={['nx-input', className].filter(Boolean).join(' ')}
      inputMode={rest.type === 'number' ? 'numeric' : undefined}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
      {...rest}
    />
  );
  if (!label && !error) return input;
  return (
    <div className="nx-field">
      {label && (
        <label className="nx-field-label" htmlFor={inputId}>
          {label}
        </label>
      )}
      {input}
      {error && (
        <div id={errorId} className="nx-field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
