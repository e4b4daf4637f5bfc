/** Defaults only: this app is the floor the site's pages are measured against (scripts/bench-pages.ts). */
export default {}
