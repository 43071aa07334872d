import { App as AntApp } from 'antd';
import { Outlet } from 'react-router-dom';
import { AntConfig } from './AntConfig';

/**
 * antd's theme and App (the message, notification and modal hooks of App.useApp) around the pages
 * that use antd. The pages declared plain (the member's phone pages) render without it, and it
 * loads with the first page that needs it.
 */
export function AntAppFrame() {
  return (
    <AntConfig>
      <AntApp>
        <Outlet />
      </AntApp>
    </AntConfig>
  );
}
