import { describe, expect, it } from 'vitest';
import { minimise, nelderMead } from './nelder-mead.js';

describe('Nelder–Mead', () => {
  it("finds Rosenbrock's minimum at (1, 1) from the classic start (−1.2, 1)", () => {
    const rosenbrock = ([x, y]: number[]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2;
    const m = minimise(rosenbrock, [-1.2, 1]);
    expect(m.x[0]).toBeCloseTo(1, 5);
    expect(m.x[1]).toBeCloseTo(1, 5);
    expect(m.fx).toBeLessThan(1e-10);
  });

  it('treats values outside the domain (NaN) as worst and still reaches an interior minimum', () => {
    const f = ([x]: number[]) => (x! <= 0 ? NaN : x! - Math.log(x!));
    const m = nelderMead(f, [3]);
    expect(m.converged).toBe(true);
    expect(m.x[0]).toBeCloseTo(1, 6);
  });

  it('stops at the iteration limit and says it did not converge', () => {
    const m = nelderMead(([x, y]) => (x! - 3) ** 2 + (y! + 2) ** 2, [0, 0], { maxIterations: 3 });
    expect(m.converged).toBe(false);
    expect(m.iterations).toBe(3);
  });
});
