import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { Outlet } from 'react-router-dom';
import { AntConfig } from './AntConfig';

/**
 * antd's theme and App (the message, notification and modal hooks of App.useApp) around the pages
 * that use antd. The pages declared plain (the member's phone pages) render without it, and it
 * loads with the first page that needs it.
 */
export function AntAppFrame() {
  return (
    <AntAppScope>
      <Outlet />
    </AntAppScope>
  );
}

/** The same around one part of a plain page that shows antd (its desk view, a drawer). */
export function AntAppScope({ children }: { children: ReactNode }) {
  return (
    <AntConfig>
      <AntApp>{children}</AntApp>
    </AntConfig>
  );
}
