import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The hall server serves the built console from dist/ (`npm start`); `npm run dev -w
// chair-console` serves it with hot reload and forwards the API and sockets to a running hall.
const hall = `http://127.0.0.1:${process.env.HALL_PORT ?? 8080}`;

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: { '/api': hall, '/socket.io': { target: hall, ws: true } },
  },
});
