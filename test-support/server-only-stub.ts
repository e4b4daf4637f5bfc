// What `server-only` resolves to in unit tests (vitest.config.mts): the real package throws
// outside React's server build.
export {}
