import { App as AntApp } from 'antd';
import { Outlet } from 'react-router-dom';

/**
 * antd's App (the message, notification and modal hooks of App.useApp) around every page but the
 * login page, which needs none of them: it loads with the first of those pages, not with the entry.
 */
export function AntAppFrame() {
  return (
    <AntApp>
      <Outlet />
    </AntApp>
  );
}
