/** The `memberPrint` texts: simplified Chinese (the default) and English. */
const zh = {
  selectRow: '选择{{name}}',
  printForm: '打印采集表',
  printSelected: '打印采集表（{{count}}）',
  tooMany: '一次最多打印 {{max}} 名党员的采集表，请减少勾选',
  clearSelection: '取消选择',
  downloaded: '已生成 {{name}}',
};

const en: typeof zh = {
  selectRow: 'Select {{name}}',
  printForm: 'Print form',
  printSelected: 'Print forms ({{count}})',
  tooMany: 'At most {{max}} member forms can be printed at once; select fewer',
  clearSelection: 'Clear selection',
  downloaded: 'Saved {{name}}',
};

export const memberPrintText = { zh, en };
