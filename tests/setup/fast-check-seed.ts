// Every property test draws the same cases on every machine and every run: one pinned seed for the
// whole suite (JIANBAO_FC_SEED overrides it to explore other cases by hand). A counterexample a run
// finds is kept as a fixed `examples` entry next to its property.
import fc from 'fast-check';

const seed = Number(process.env.JIANBAO_FC_SEED ?? 20261201);
fc.configureGlobal({ seed });
