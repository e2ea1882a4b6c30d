import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { KUBERNETES_RELEASES } from './kubernetes-releases.js';
import { parseMinor, parsePatchRelease } from './kubernetes-version.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Integrity of the bundled table; none of it depends on today's date. */
describe('bundled Kubernetes release table', () => {
  const { asOf, minors, cves } = KUBERNETES_RELEASES;

  it('has a real asOf date that is not before the last release it lists', () => {
    assert.ok(isRealDate(asOf), asOf);
    const newest = minors.at(-1);
    assert.ok(newest !== undefined && newest.released <= asOf, 'asOf predates the newest release in the table');
  });

  it('lists consecutive minors, oldest first, without duplicates', () => {
    const numbers = minors.map(entry => parseMinor(entry.minor));
    for (const [index, number] of numbers.entries()) {
      assert.ok(number !== undefined, `minor "${minors[index]?.minor ?? ''}" must be 1.N`);
      if (index > 0) assert.equal(number, (numbers[index - 1] ?? 0) + 1, `minor after ${minors[index - 1]?.minor ?? ''} must be the next one`);
    }
  });

  it('has real dates, releases in order, and end of life after release', () => {
    for (const [index, entry] of minors.entries()) {
      assert.ok(isRealDate(entry.released), `${entry.minor} released ${entry.released}`);
      assert.ok(isRealDate(entry.endOfLife), `${entry.minor} endOfLife ${entry.endOfLife}`);
      assert.ok(entry.endOfLife > entry.released, `${entry.minor}: end of life must follow release`);
      const previous = minors[index - 1];
      if (previous !== undefined) {
        assert.ok(entry.released > previous.released, `${entry.minor} released after ${previous.minor}`);
        assert.ok(entry.endOfLife > previous.endOfLife, `${entry.minor} ends after ${previous.minor}`);
      }
    }
  });

  it('names final patches that belong to their minor, only for branches closed by asOf', () => {
    for (const entry of minors) {
      if (entry.finalPatch === undefined) continue;
      assert.equal(parsePatchRelease(entry.finalPatch)?.minor, parseMinor(entry.minor), `${entry.minor} final patch ${entry.finalPatch}`);
      assert.ok(entry.endOfLife <= asOf, `${entry.minor} has a final patch but is still supported on ${asOf}`);
    }
  });

  it('lists each CVE once, sorted, with well-formed fixed releases of tracked minors', () => {
    const known = new Map(minors.map(entry => [parseMinor(entry.minor), entry]));
    const key = (id: string): [number, number] => {
      const match = /^CVE-(\d{4})-(\d{4,})$/.exec(id);
      assert.ok(match !== null, `${id} is not a CVE id`);
      return [Number(match[1]), Number(match[2])];
    };
    for (const [index, cve] of cves.entries()) {
      const previous = cves[index - 1];
      if (previous !== undefined) {
        const [year, number] = key(cve.id);
        const [previousYear, previousNumber] = key(previous.id);
        assert.ok(year > previousYear || (year === previousYear && number > previousNumber), `${cve.id} must come after ${previous.id}`);
      } else {
        key(cve.id);
      }
      assert.ok(cve.title.length > 0 && cve.components.length > 0 && cve.fixedIn.length > 0, `${cve.id} is incomplete`);
      const fixedMinors = new Set<number>();
      for (const release of cve.fixedIn) {
        const fix = parsePatchRelease(release);
        assert.ok(fix !== undefined, `${cve.id}: "${release}" must be 1.N.P`);
        assert.ok(fix.patch > 0, `${cve.id}: ${release} fixes nothing a .0 user could lack; leave the minor out`);
        assert.ok(!fixedMinors.has(fix.minor), `${cve.id}: two fixes for 1.${String(fix.minor)}`);
        fixedMinors.add(fix.minor);
        const minor = known.get(fix.minor);
        assert.ok(minor !== undefined, `${cve.id}: ${release} belongs to no tracked minor`);
        const final = minor.finalPatch === undefined ? undefined : parsePatchRelease(minor.finalPatch);
        assert.ok(final === undefined || fix.patch <= final.patch, `${cve.id}: ${release} is after the final ${minor.finalPatch ?? ''}`);
      }
      assert.deepEqual([...fixedMinors], [...fixedMinors].sort((a, b) => a - b), `${cve.id}: fixed releases oldest minor first`);
    }
  });
});
