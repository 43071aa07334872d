/** The `memberPrint` texts in simplified Chinese, the default language (English: ./en/member-print.ts). */
export const memberPrintText = {
  selectRow: '选择{{name}}',
  printForm: '打印采集表',
  printSelected: '打印采集表（{{count}}）',
  tooMany: '一次最多打印 {{max}} 名党员的采集表，请减少勾选',
  clearSelection: '取消选择',
  downloaded: '已生成 {{name}}',
};
