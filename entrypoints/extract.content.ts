// The extract script: injected on demand into the active tab, returns the article to executeScript.
// Its settings (time zone, …) were handed over just before by the background (utils/extract/extract-settings.ts).
import { extractArticle } from '@/utils/extract/extract-article';
import { extractOptions, takeExtractSettings } from '@/utils/extract/extract-settings';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    const settings = takeExtractSettings(globalThis as unknown as Record<string, unknown>);
    return extractArticle(document, location.href, extractOptions(settings, new Date()));
  },
});
