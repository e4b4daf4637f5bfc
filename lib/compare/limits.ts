/**
 * How many models a comparison takes. Its own module, free of the workload math: the models
 * index imports these (ticking rows to compare), and importing them from url.ts pulled
 * workload.ts and big.js into the index's JavaScript.
 */
export const MIN_MODELS = 2
export const MAX_MODELS = 6
