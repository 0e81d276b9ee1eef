/**
 * The Parley backend this demo talks to: `?endpoint=` in the page URL (so one build can be
 * pointed at any backend, which the e2e tests do), else `VITE_PARLEY_ENDPOINT` at build time,
 * else a local `npx parley-chat serve`. A real app configures it at build time only: a link
 * should not be able to choose where visitors' messages go.
 */
export const endpoint: string =
  new URLSearchParams(window.location.search).get('endpoint') ||
  import.meta.env.VITE_PARLEY_ENDPOINT ||
  'http://127.0.0.1:8787';
