import type { CSSProperties, ReactNode } from 'react';

interface FlexProps {
  vertical?: boolean;
  gap?: number;
  justify?: CSSProperties['justifyContent'];
  align?: CSSProperties['alignItems'];
  wrap?: boolean;
  style?: CSSProperties;
  children?: ReactNode;
  'data-testid'?: string;
}

/** antd's Flex as a plain div. */
export function Flex({
  vertical,
  gap,
  justify,
  align,
  wrap,
  style,
  children,
  'data-testid': testId,
}: FlexProps) {
  return (
    <div
      data-testid={testId}
      style={{
        display: 'flex',
        flexDirection: vertical ? 'column' : 'row',
        gap,
        justifyContent: justify,
        alignItems: align,
        flexWrap: wrap ? 'wrap' : undefined,
        ...style,
      }}
    >
      {children}
    </div>
  );
}
