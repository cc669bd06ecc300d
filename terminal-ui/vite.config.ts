import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the hall server at /terminal/ (`npm start`).
const hall = `http://127.0.0.1:${process.env.HALL_PORT ?? 8080}`;

export default defineConfig({
  plugins: [react()],
  base: '/terminal/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': hall, '/socket.io': { target: hall, ws: true } } },
});
