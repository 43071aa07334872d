/** A notice's body is the platform's rich text (lib/rich-text.ts). */
export { hasVisibleText, sanitizeRichText as sanitizeNoticeHtml } from '../../lib/rich-text';
