/** The `portal` texts (the member's phone home) in English, loaded only when English is chosen. */
import type { portalText } from '../portal';

export const portalTextEn: typeof portalText = {
  hello: 'Hello, {{name}}',
  tileFailed: 'This part did not load. Please refresh the page later.',
  more: 'See all',
  meetings: {
    title: 'My organizational life',
    none: 'No meetings coming up',
    today: 'Today',
    signInHint: 'Scan the QR code at the meeting to sign in',
    online: 'Online',
  },
  inbox: {
    title: 'Messages',
    unread: '{{count}} unread',
    none: 'No messages',
  },
  record: {
    title: 'My record',
    org: 'Party organization',
    status: 'Status',
    phone: 'Phone',
    homeCounty: 'Home county',
    host: 'Living in',
    edit: 'Update contact details',
  },
};
