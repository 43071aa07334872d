import type { ButtonHTMLAttributes, ReactNode } from 'react';
import './controls.css';

interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  /** antd's kinds: primary (filled in the theme), default (outlined), text (no border). */
  variant?: 'primary' | 'default' | 'text';
  /** The element's type: a plain button unless it submits its form. */
  htmlType?: 'button' | 'submit' | 'reset';
  /** An icon before the words (aria-hidden: the words name the button). */
  icon?: ReactNode;
  block?: boolean;
}

/** antd's Button as a native button: focusable, Enter and Space press it, disabled is native. */
export function Button({
  variant = 'default',
  htmlType = 'button',
  icon,
  block,
  className,
  children,
  ...rest
}: ButtonProps) {
  const classes = ['nx-btn', `nx-btn-${variant}`, block && 'nx-btn-block', className].filter(Boolean);
  return (
    <button type={htmlType} className={classes.join(' ')} {...rest}>
      {icon && (
        <span className="nx-btn-icon" aria-hidden>
          {icon}
        </span>
      )}
      {children}
    </button>
  );
}
