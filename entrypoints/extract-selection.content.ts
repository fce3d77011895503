// The "save selection as article" script: injected on demand from the context menu.
// Its settings (time zone, …) were handed over just before by the background (utils/extract/extract-settings.ts).
import { extractSelection } from '@/utils/extract/selection';
import { extractOptions, takeExtractSettings } from '@/utils/extract/extract-settings';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    const settings = takeExtractSettings(globalThis as unknown as Record<string, unknown>);
    return extractSelection(document, location.href, window.getSelection(), extractOptions(settings, new Date()));
  },
});
