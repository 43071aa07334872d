import './notices.css';

/**
 * A notice's body. The server keeps only the allowed tags and attributes (no scripts, styles or
 * event handlers; links http and https only) before it stores the body, so it is shown as it is.
 */
export function NoticeBody({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized on the server before it is stored.
  return <div className="nx-notice-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
