// The "save the whole page anyway" script: injected on demand when the page has no article.
// Its settings (time zone, …) were handed over just before by the background (utils/extract/extract-settings.ts).
import { extractWholePage } from '@/utils/extract/whole-page';
import { extractOptions, takeExtractSettings } from '@/utils/extract/extract-settings';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    const settings = takeExtractSettings(globalThis as unknown as Record<string, unknown>);
    return extractWholePage(document, location.href, extractOptions(settings, new Date()));
  },
});
