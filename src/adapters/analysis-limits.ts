/**
 * When work goes to the analysis worker (analysis-client.ts). Kept apart so that the code deciding it
 * does not pull the worker client into the initial bundle (the client loads on first use).
 */

/** Designs from this many nodes are graded in the worker after each change; smaller ones inline (faster round trip). */
export const WORKER_MIN_NODES = 1000;
/** Design text from this many characters is parsed and validated in the worker (about 1,000 nodes). */
export const WORKER_MIN_TEXT = 150_000;
