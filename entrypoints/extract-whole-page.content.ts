// The "save the whole page anyway" script: injected on demand when the page has no article.
import { extractWholePage } from '@/utils/extract/whole-page';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    return extractWholePage(document, location.href, { now: new Date() });
  },
});
