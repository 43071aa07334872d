/** The `scopeKind` texts in English, loaded only when English is chosen. */
import type { scopeKindText } from '../scope-kind';

export const scopeKindTextEn: typeof scopeKindText = {
  all: 'Everything',
  org: 'Organization and below',
  home: 'Home county',
  host: 'Host district',
  self: 'Oneself',
};
