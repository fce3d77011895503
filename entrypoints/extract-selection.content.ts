// The "save selection as article" script: injected on demand from the context menu.
import { extractSelection } from '@/utils/extract/selection';

export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    return extractSelection(document, location.href, window.getSelection(), { now: new Date() });
  },
});
