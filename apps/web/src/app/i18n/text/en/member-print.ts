/** The `memberPrint` texts in English, loaded only when English is chosen. */
import type { memberPrintText } from '../member-print';

export const memberPrintTextEn: typeof memberPrintText = {
  selectRow: 'Select {{name}}',
  printForm: 'Print form',
  printSelected: 'Print forms ({{count}})',
  tooMany: 'At most {{max}} member forms can be printed at once; select fewer',
  clearSelection: 'Clear selection',
  downloaded: 'Saved {{name}}',
};
