export default defineContentScript({
  registration: 'runtime',
  matches: [],
  main() {
    return { ok: false, code: 'error', message: 'not yet' };
  },
});
