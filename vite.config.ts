import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  build: {
    // Server-only modules must never reach the browser bundle.
    target: 'es2022',
  },
});
