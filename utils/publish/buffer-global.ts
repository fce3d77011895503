// isomorphic-git calls a global `Buffer` (Node's); an extension page has none. The pages that talk to the site's
// repository import this module first (before isomorphic-git runs), so it finds the `buffer` package's Buffer,
// the same implementation bundlers have long put there. Node keeps its own.
import { Buffer } from 'buffer';

const scope = globalThis as { Buffer?: unknown };
if (typeof scope.Buffer === 'undefined') scope.Buffer = Buffer;
