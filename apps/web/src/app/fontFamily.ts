/**
 * The UI's font stack: the system's sans-serif with the Chinese faces of each platform named (and
 * Debian's WenQuanYi, so a kiosk on Linux draws Chinese rather than boxes). Shared by the app's
 * theme and the big screen, which runs without antd.
 */
export const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";
