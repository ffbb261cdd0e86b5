import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In dev the API server runs separately on :3000; in production it serves dist/ itself.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://localhost:3000", changeOrigin: false, ws: true },
    },
  },
  build: { outDir: "dist", sourcemap: true },
});
