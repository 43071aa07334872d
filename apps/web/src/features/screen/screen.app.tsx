import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ScreenPage } from './pages/ScreenPage';
import { initScreenTexts } from './screen.i18n';

/** The big screen as its own page: React, React Query, ECharts and its texts; no antd, no router. */
export async function mountScreen(root: HTMLElement): Promise<void> {
  await initScreenTexts();
  const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ScreenPage />
      </QueryClientProvider>
    </StrictMode>,
  );
}
