// The popup's and the library's first script: starts reading their first rows before the app bundle loads.
import { startEarlyRead } from '@/utils/newest-articles';

// A classic script in the page's <head>: it runs while the module bundle is still being fetched and
// evaluated, so the database is opened and read in parallel with that instead of after it.
export default defineUnlistedScript(() => {
  startEarlyRead(window, indexedDB, performance);
});
