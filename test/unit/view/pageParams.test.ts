// The address is the page's shareable state: it is read strictly (a bad value says why) and written
// so that reading it back gives the same view.
import { describe, expect, it } from 'vitest';
import { pageSearch, readPageParams } from '../../../src/ui/pageParams';

describe('the page address', () => {
  it('reads scenario, seed, panels, time and speed', () => {
    const params = readPageParams('?scenario=ios-only-bug&seed=12&panels=4,0,2&t=330&speed=60');
    expect(params).toEqual({ scenario: 'ios-only-bug', seed: 12, panels: [0, 2, 4], t: 330, speed: 60, problems: [] });
  });

  it('defaults to the default scenario with nothing else set', () => {
    expect(readPageParams('')).toEqual({ scenario: 'default', problems: [] });
  });

  it('reports each bad value and ignores it', () => {
    const params = readPageParams('?seed=-1&panels=1,x&t=soon&speed=9000');
    expect(params.seed).toBeUndefined();
    expect(params.panels).toBeUndefined();
    expect(params.t).toBeUndefined();
    expect(params.speed).toBeUndefined();
    expect(params.problems).toHaveLength(4);
    expect(params.problems[0]).toContain('seed "-1"');
    expect(params.problems[3]).toContain('speed "9000"');
  });

  it('writes what it reads back', () => {
    const view = { scenario: 'crash-loop-rolling', seed: 3, panels: [1, 3], t: 125, speed: 0.25 };
    expect(readPageParams(pageSearch(view))).toEqual({ ...view, problems: [] });
    expect(pageSearch({ scenario: 'default' })).toBe('');
    expect(pageSearch({ scenario: 'default', panels: [0, 1] })).toBe('?panels=0,1');
  });
});
