import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { LabelSelector } from './label-selector.js';
import { formatSelector, MATCH_EVERYTHING, matchesSelector, parseLabelSelector, selectorFromMap } from './label-selector.js';

function labels(record: Record<string, string> = {}): ReadonlyMap<string, string> {
  return new Map(Object.entries(record));
}

/** Parses a selector that must be valid. */
function parsed(value: unknown): LabelSelector {
  const result = parseLabelSelector(value);
  if (!result.ok) assert.fail(`expected a valid selector, got: ${result.error}`);
  return result.selector;
}

/** Parses a selector that must be invalid and returns the error. */
function rejected(value: unknown): string {
  const result = parseLabelSelector(value);
  if (result.ok) assert.fail(`expected an invalid selector, got ${formatSelector(result.selector)}`);
  return result.error;
}

function matches(selector: unknown, podLabels: Record<string, string>): boolean {
  return matchesSelector(parsed(selector), labels(podLabels));
}

function expression(key: string, operator: string, values?: readonly string[]): Record<string, unknown> {
  return values === undefined ? { key, operator } : { key, operator, values };
}

describe('parseLabelSelector / matchesSelector', () => {
  describe('empty, null and absent selectors', () => {
    it('treats {} as matching every label set, including none', () => {
      const selector = parsed({});
      assert.deepEqual(selector.requirements, []);
      assert.equal(matchesSelector(selector, labels()), true);
      assert.equal(matchesSelector(selector, labels({ app: 'web', tier: 'db' })), true);
    });

    it('treats null and undefined as the empty selector (callers decide what absence means)', () => {
      assert.deepEqual(parsed(null), MATCH_EVERYTHING);
      assert.deepEqual(parsed(undefined), MATCH_EVERYTHING);
      assert.equal(matches(null, { app: 'web' }), true);
    });

    it('treats explicit null matchLabels and matchExpressions as absent', () => {
      assert.deepEqual(parsed({ matchLabels: null, matchExpressions: null }).requirements, []);
    });

    it('treats empty matchLabels and matchExpressions as matching everything', () => {
      assert.equal(matches({ matchLabels: {}, matchExpressions: [] }, {}), true);
    });
  });

  describe('matchLabels', () => {
    it('requires every key with exactly the given value', () => {
      const selector = { matchLabels: { app: 'web', tier: 'frontend' } };
      assert.equal(matches(selector, { app: 'web', tier: 'frontend' }), true);
      assert.equal(matches(selector, { app: 'web', tier: 'frontend', extra: 'x' }), true);
      assert.equal(matches(selector, { app: 'web' }), false);
      assert.equal(matches(selector, { app: 'web', tier: 'backend' }), false);
      assert.equal(matches(selector, {}), false);
    });

    it('compares values exactly: case matters and the empty string is a value', () => {
      assert.equal(matches({ matchLabels: { app: 'Web' } }, { app: 'web' }), false);
      assert.equal(matches({ matchLabels: { flag: '' } }, { flag: '' }), true);
      assert.equal(matches({ matchLabels: { flag: '' } }, {}), false);
    });

    it('becomes one In requirement per entry', () => {
      assert.deepEqual(parsed({ matchLabels: { app: 'web' } }).requirements, [{ key: 'app', operator: 'In', values: ['web'] }]);
    });
  });

  describe('matchExpressions operators', () => {
    it('In: the key must be present with one of the values', () => {
      const selector = { matchExpressions: [expression('env', 'In', ['prod', 'staging'])] };
      assert.equal(matches(selector, { env: 'prod' }), true);
      assert.equal(matches(selector, { env: 'staging' }), true);
      assert.equal(matches(selector, { env: 'dev' }), false);
      assert.equal(matches(selector, {}), false);
    });

    it('NotIn: matches other values and also a missing key', () => {
      const selector = { matchExpressions: [expression('env', 'NotIn', ['prod'])] };
      assert.equal(matches(selector, { env: 'dev' }), true);
      assert.equal(matches(selector, {}), true);
      assert.equal(matches(selector, { other: 'prod' }), true);
      assert.equal(matches(selector, { env: 'prod' }), false);
    });

    it('Exists: the key must be present, whatever its value (even empty)', () => {
      const selector = { matchExpressions: [expression('team', 'Exists')] };
      assert.equal(matches(selector, { team: 'a' }), true);
      assert.equal(matches(selector, { team: '' }), true);
      assert.equal(matches(selector, { owner: 'a' }), false);
    });

    it('DoesNotExist: the key must be absent', () => {
      const selector = { matchExpressions: [expression('canary', 'DoesNotExist')] };
      assert.equal(matches(selector, {}), true);
      assert.equal(matches(selector, { app: 'web' }), true);
      assert.equal(matches(selector, { canary: 'true' }), false);
      assert.equal(matches(selector, { canary: '' }), false);
    });

    it('accepts Exists and DoesNotExist with an empty or null values list', () => {
      assert.equal(matches({ matchExpressions: [{ key: 'a', operator: 'Exists', values: [] }] }, { a: '1' }), true);
      assert.equal(matches({ matchExpressions: [{ key: 'a', operator: 'DoesNotExist', values: null }] }, {}), true);
    });
  });

  describe('AND of requirements', () => {
    const selector = {
      matchLabels: { app: 'shop' },
      matchExpressions: [expression('tier', 'In', ['web', 'api']), expression('env', 'NotIn', ['dev']), expression('legacy', 'DoesNotExist'), expression('team', 'Exists')],
    };

    it('matches only when every matchLabels entry and every expression holds', () => {
      assert.equal(matches(selector, { app: 'shop', tier: 'web', team: 'a' }), true);
      assert.equal(matches(selector, { app: 'shop', tier: 'api', env: 'prod', team: 'a' }), true);
    });

    it('fails when any single requirement fails', () => {
      assert.equal(matches(selector, { app: 'blog', tier: 'web', team: 'a' }), false, 'matchLabels');
      assert.equal(matches(selector, { app: 'shop', tier: 'db', team: 'a' }), false, 'In');
      assert.equal(matches(selector, { app: 'shop', tier: 'web', env: 'dev', team: 'a' }), false, 'NotIn');
      assert.equal(matches(selector, { app: 'shop', tier: 'web', legacy: 'yes', team: 'a' }), false, 'DoesNotExist');
      assert.equal(matches(selector, { app: 'shop', tier: 'web' }), false, 'Exists');
    });

    it('keeps matchLabels before matchExpressions, in written order', () => {
      assert.deepEqual(
        parsed(selector).requirements.map(requirement => `${requirement.key} ${requirement.operator}`),
        ['app In', 'tier In', 'env NotIn', 'legacy DoesNotExist', 'team Exists'],
      );
    });

    it('can be unsatisfiable: contradictory requirements match nothing', () => {
      const contradiction = { matchExpressions: [expression('a', 'Exists'), expression('a', 'DoesNotExist')] };
      assert.equal(matches(contradiction, {}), false);
      assert.equal(matches(contradiction, { a: '1' }), false);
    });
  });

  describe('invalid selectors', () => {
    it('rejects In and NotIn without values', () => {
      assert.match(rejected({ matchExpressions: [expression('env', 'In')] }), /matchExpressions\[0\].*In needs at least one value/);
      assert.match(rejected({ matchExpressions: [expression('env', 'In', [])] }), /In needs at least one value/);
      assert.match(rejected({ matchExpressions: [expression('env', 'NotIn', [])] }), /NotIn needs at least one value/);
    });

    it('rejects Exists and DoesNotExist with values', () => {
      assert.match(rejected({ matchExpressions: [expression('env', 'Exists', ['prod'])] }), /Exists takes no values/);
      assert.match(rejected({ matchExpressions: [expression('env', 'DoesNotExist', ['prod'])] }), /DoesNotExist takes no values/);
    });

    it('rejects an unknown or missing operator, naming the allowed ones', () => {
      assert.match(rejected({ matchExpressions: [expression('env', 'Equals', ['prod'])] }), /operator must be one of In, NotIn, Exists, DoesNotExist/);
      assert.match(rejected({ matchExpressions: [expression('env', 'in', ['prod'])] }), /operator must be one of/, 'operators are case-sensitive');
      assert.match(rejected({ matchExpressions: [{ key: 'env', values: ['prod'] }] }), /operator must be one of/);
    });

    it('rejects a missing, empty or non-string key', () => {
      assert.match(rejected({ matchExpressions: [{ operator: 'Exists' }] }), /key must be a non-empty string/);
      assert.match(rejected({ matchExpressions: [{ key: '', operator: 'Exists' }] }), /key must be a non-empty string/);
      assert.match(rejected({ matchExpressions: [{ key: 7, operator: 'Exists' }] }), /key must be a non-empty string/);
    });

    it('points at the offending expression by index', () => {
      const error = rejected({ matchExpressions: [expression('ok', 'Exists'), expression('bad', 'In')] });
      assert.match(error, /^matchExpressions\[1\]/);
    });

    it('rejects wrong types for the selector and its fields', () => {
      assert.match(rejected('app=web'), /selector must be a mapping/);
      assert.match(rejected(['app']), /selector must be a mapping/);
      assert.match(rejected(42), /selector must be a mapping/);
      assert.match(rejected({ matchLabels: ['app', 'web'] }), /matchLabels must be a mapping/);
      assert.match(rejected({ matchLabels: 'app=web' }), /matchLabels must be a mapping/);
      assert.match(rejected({ matchLabels: { replicas: 3 } }), /matchLabels\.replicas must be a string/);
      assert.match(rejected({ matchLabels: { enabled: true } }), /matchLabels\.enabled must be a string/);
      assert.match(rejected({ matchExpressions: { key: 'a', operator: 'Exists' } }), /matchExpressions must be a list/);
      assert.match(rejected({ matchExpressions: ['app'] }), /matchExpressions\[0\] must be a mapping/);
      assert.match(rejected({ matchExpressions: [{ key: 'env', operator: 'In', values: 'prod' }] }), /values must be a list of strings/);
      assert.match(rejected({ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 1] }] }), /values must be a list of strings/);
    });

    it('rejects the whole selector even when other parts are valid', () => {
      const result = parseLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [expression('env', 'Exists', ['x'])] });
      assert.equal(result.ok, false);
    });
  });
});

describe('selectorFromMap', () => {
  it('builds an equality selector from a plain map', () => {
    const selector = selectorFromMap({ app: 'web', tier: 'frontend' });
    assert.deepEqual(selector.requirements, [
      { key: 'app', operator: 'In', values: ['web'] },
      { key: 'tier', operator: 'In', values: ['frontend'] },
    ]);
    assert.equal(matchesSelector(selector, labels({ app: 'web', tier: 'frontend', extra: 'x' })), true);
    assert.equal(matchesSelector(selector, labels({ app: 'web' })), false);
  });

  it('matches everything when the map is empty', () => {
    const selector = selectorFromMap({});
    assert.deepEqual(selector.requirements, []);
    assert.equal(matchesSelector(selector, labels()), true);
  });

  it('drops entries whose value is not a string', () => {
    assert.deepEqual(selectorFromMap({ app: 'web', replicas: 3, enabled: true, none: null }).requirements, [{ key: 'app', operator: 'In', values: ['web'] }]);
  });
});

describe('formatSelector', () => {
  it('writes <all> for the empty selector', () => {
    assert.equal(formatSelector(MATCH_EVERYTHING), '<all>');
    assert.equal(formatSelector(parsed({})), '<all>');
  });

  it("uses kubectl's notation for every operator", () => {
    const selector = parsed({
      matchLabels: { app: 'web' },
      matchExpressions: [
        expression('tier', 'In', ['a', 'b']),
        expression('env', 'NotIn', ['dev', 'test']),
        expression('team', 'Exists'),
        expression('legacy', 'DoesNotExist'),
      ],
    });
    assert.equal(formatSelector(selector), 'app=web,tier in (a,b),env notin (dev,test),team,!legacy');
  });

  it('writes a single-valued In expression as equality', () => {
    assert.equal(formatSelector(parsed({ matchExpressions: [expression('tier', 'In', ['db'])] })), 'tier=db');
    assert.equal(formatSelector(parsed({ matchExpressions: [expression('tier', 'NotIn', ['db'])] })), 'tier notin (db)');
  });

  it('formats map selectors too', () => {
    assert.equal(formatSelector(selectorFromMap({ app: 'web', tier: 'frontend' })), 'app=web,tier=frontend');
  });
});
