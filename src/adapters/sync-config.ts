/**
 * Where the app finds the sync server for mock-interview rooms: `VITE_SYNC_URL` at build time (see
 * vite.config.ts, which also allows exactly this origin in the CSP's connect-src), else the server
 * `npm start` runs (ws://127.0.0.1:1234).
 */
export const SYNC_URL: string = (import.meta.env.VITE_SYNC_URL as string | undefined) ?? 'ws://127.0.0.1:1234';
