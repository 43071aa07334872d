interface JsonBlockProps {
  title: string;
  value: unknown;
  /** Shown when the value is null or missing. */
  empty: string;
}

/** A titled, scrollable, pretty-printed JSON value. */
export function JsonBlock({ title, value, empty }: JsonBlockProps) {
  return (
    <figure style={{ margin: 0 }}>
      <figcaption className="nx-json-title">{title}</figcaption>
      <pre className="nx-json">
        {value === null || value === undefined ? empty : JSON.stringify(value, null, 2)}
      </pre>
    </figure>
  );
}
