import { loadScreenEarly } from './features/screen/screen.early';

/**
 * screen.html's entry (数据大屏): a small chunk that asks for the screen's answer and outlines at
 * once, while the page itself (React, ECharts) loads beside them.
 */
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from screen.html');
loadScreenEarly();
import('./features/screen/screen.app')
  .then((app) => app.mountScreen(root))
  .catch(() => {
    root.textContent = '数据大屏加载失败，请刷新页面重试';
  });
