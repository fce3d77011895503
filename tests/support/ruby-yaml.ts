// Reads front matter blocks with Ruby's YAML (Psych over libyaml, exactly as Jekyll does), many in one ruby process.
import { spawnSync } from 'node:child_process';

export type RubyReading = { ok: true; value: unknown } | { ok: false; error: string };

const SCRIPT = `
require 'yaml'; require 'json'; require 'date'; require 'time'
def plain(v)
  case v
  when Hash then v.to_h { |k, x| [k.to_s, plain(x)] }
  when Array then v.map { |x| plain(x) }
  when Time then { '$time' => v.iso8601 }
  when Date then { '$date' => v.iso8601 }
  else v
  end
end
out = JSON.parse(STDIN.read).map do |block|
  begin
    { 'ok' => true, 'value' => plain(YAML.safe_load(block, permitted_classes: [Date, Time])) }
  rescue Exception => e
    { 'ok' => false, 'error' => e.message }
  end
end
STDOUT.write(JSON.generate(out))
`;

/** True where `ruby` runs; the tests that need it say what to install when it does not (and fail under CI). */
export function hasRuby(): boolean {
  return spawnSync('ruby', ['-e', 'exit 0']).status === 0;
}

export function rubyReadAll(blocks: readonly string[]): RubyReading[] {
  const run = spawnSync('ruby', ['-e', SCRIPT], { input: JSON.stringify(blocks), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`ruby failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as RubyReading[];
}

/** A skip reason outside CI when ruby is missing; under CI a missing ruby is a failure, not a skip. */
export function rubyMissing(): string | null {
  if (hasRuby()) return null;
  const message = 'ruby is missing: apt-get install -y ruby (or jekyll, which brings it)';
  if (process.env.CI) throw new Error(message);
  return message;
}
