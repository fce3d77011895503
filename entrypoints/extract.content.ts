// The extract script: injected on demand into the active tab, returns the article to executeScript.
import { extractArticle } from '@/utils/extract/extract-article';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    return extractArticle(document, location.href, { now: new Date() });
  },
});
