import type { ReactNode } from 'react';

interface SvgIconProps {
  /** The SVG's content, in the 1024-unit box that antd's outlined icons use. */
  children: ReactNode;
  box?: string;
  className?: string;
}

/** An icon as plain SVG, sized and coloured by the text around it (antd's icons without their runtime). */
export function SvgIcon({ children, box = '64 64 896 896', className = 'nx-icon' }: SvgIconProps) {
  return (
    <svg
      className={className}
      viewBox={box}
      width="1em"
      height="1em"
      fill="currentColor"
      aria-hidden
      focusable="false"
    >
      {children}
    </svg>
  );
}
