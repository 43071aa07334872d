import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { chunkGroups } from './vite.chunks';
import { pageTexts } from './vite.texts';

// Node's process, without pulling Node's types into the browser app's tsconfig.
declare const process: { env: Record<string, string | undefined> };

/** Where `vite dev` sends /api; override with NINGXIN_API_URL when the server listens elsewhere. */
const apiTarget = process.env.NINGXIN_API_URL ?? 'http://localhost:3000';

/** In dev, /screen is the big screen's own page (the server sends screen.html there too). */
const screenPage: Plugin = {
  name: 'ningxin-screen-page',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url === '/screen' || req.url?.startsWith('/screen?'))
        req.url = `/screen.html${req.url.slice(7)}`;
      next();
    });
  },
};

export default defineConfig({
  // Each asset also as .gz and .br beside it: the server sends those as they are (a phone on 4G
  // gets a third of the bytes, and nothing is compressed per request).
  plugins: [
    react(),
    pageTexts,
    screenPage,
    compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024 }),
  ],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    // The app, and the big screen as a page of its own (no antd, no router, only its texts).
    rolldownOptions: {
      input: { index: 'index.html', screen: 'screen.html' },
      output: { codeSplitting: { groups: chunkGroups() } },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: apiTarget,
        configure: (proxy) => {
          // The server rejects cross-origin writes; in dev the page origin is Vite's, so drop it.
          proxy.on('proxyReq', (proxyReq) => {
            proxyReq.removeHeader('origin');
          });
        },
      },
    },
  },
});
