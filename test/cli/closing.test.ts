import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDifferences, closing8kDifferences } from '../../src/reports/seedDifferences.ts';
import { figuresTool, seedsDirectory } from '../../src/reports/testFixtures.ts';
import { root, trustee } from '../support/cli.ts';

const seed = join(seedsDirectory, '8-K_2002-03-18_closing-certificates.txt');

describe('trustee closing: the closing Form 8-K from the deal file', () => {
  it("holds every figure of the seed's closing 8-K (figures.py: 34 of 34)", () => {
    const run = trustee(['closing', '--deal', 'nchet-2002-1']);
    expect(run.status).toBe(0);
    const out = join(mkdtempSync(join(tmpdir(), 'trustee-closing-')), 'closing.txt');
    writeFileSync(out, run.stdout);
    let result: string;
    try {
      result = execFileSync('python3', [figuresTool, seed, out], { encoding: 'utf8' });
    } catch (error) {
      result = (error as { stdout: string }).stdout;
    }
    expect(result.trim().split('\n')).toEqual(['34 of 34 figures found']);
    expect(run.stdout).toContain(
      'Date of Report (Date of earliest event reported): March 18, 2002',
    );
    expect(run.stdout).toMatch(/^ +A +\$160,901,000\.00 +Variable$/m);
    expect(run.stdout).toMatch(/^ +R +100 % Percentage Interest +N\/A$/m);
    expect(run.stdout).toContain('By: /s/ Patrick Flanagan');
    // The seed's slips are listed, and what we print instead is there.
    const words = (s: string) => s.replace(/\s+/g, ' ');
    applyDifferences(readFileSync(seed, 'utf8'), closing8kDifferences);
    for (const d of closing8kDifferences) expect(words(run.stdout)).toContain(d.ours);
  });

  it('renders every built-in deal, and names the facts a deal file lacks', () => {
    const example = trustee(['closing', '--deal', 'example-2003-6m']);
    expect(example.status).toBe(0);
    expect(example.stdout).toContain('$300,000,000.00 as of');
    expect(example.stdout).toMatch(/^ +M-6 +\$[\d,.]+ +Variable$/m);
    const dir = mkdtempSync(join(tmpdir(), 'trustee-closing-'));
    const file = JSON.parse(readFileSync(join(root, 'deals/example-2003-6m.json'), 'utf8'));
    delete file.closingReport;
    const path = join(dir, 'deal.json');
    writeFileSync(path, JSON.stringify(file));
    const missing = trustee(['closing', '--deal', path]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('INVALID_INPUT');
    expect(missing.stderr).toContain('closingReport');
  });
});
