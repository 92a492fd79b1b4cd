/**
 * Nelder–Mead downhill simplex, the minimiser lifetimes and BTYD use for these likelihoods.
 *
 * Written here rather than taken from npm: fmin 0.0.4, the usual JavaScript choice, declares
 * "type": "module" over a UMD bundle, so Node 20 imports it with no exports at all (and it reads
 * its x-tolerance from the f-tolerance option); optimization-js's minimisers have no line search
 * and no iteration limit. This is the textbook method (reflection 1, expansion 2, contraction ½,
 * shrink ½) with a stopping rule on both the simplex's spread in f and its size in x.
 */
export interface NelderMeadOptions {
  maxIterations?: number;
  /** Stop when max |f(v) − f(best)| over the simplex is below this (absolute). */
  fTolerance?: number;
  /** … and every vertex is within this of the best in every coordinate. */
  xTolerance?: number;
  /** Size of the initial simplex's steps from the start point. */
  initialStep?: number;
}

export interface Minimum {
  x: number[];
  fx: number;
  iterations: number;
  converged: boolean;
}

export function nelderMead(f: (x: number[]) => number, start: readonly number[], options: NelderMeadOptions = {}): Minimum {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 400 * n;
  const fTol = options.fTolerance ?? 1e-10;
  const xTol = options.xTolerance ?? 1e-8;
  const step = options.initialStep ?? 0.25;
  // A NaN or infinite value (parameters out of the model's domain) ranks as worst.
  const value = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };

  let simplex: { x: number[]; fx: number }[] = [{ x: [...start], fx: value([...start]) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] = x[i]! + step;
    simplex.push({ x, fx: value(x) });
  }

  const combine = (a: number[], wa: number, b: number[], wb: number) => a.map((ai, i) => wa * ai + wb * b[i]!);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((p, q) => p.fx - q.fx);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    let size = 0;
    for (const v of simplex) for (let i = 0; i < n; i++) size = Math.max(size, Math.abs(v.x[i]! - best.x[i]!));
    if (worst.fx - best.fx <= fTol && size <= xTol) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) centroid[i]! += simplex[j]!.x[i]! / n;

    const reflected = combine(centroid, 2, worst.x, -1);
    const fr = value(reflected);
    if (fr < best.fx) {
      const expanded = combine(centroid, 3, worst.x, -2);
      const fe = value(expanded);
      simplex[n] = fe < fr ? { x: expanded, fx: fe } : { x: reflected, fx: fr };
      continue;
    }
    if (fr < simplex[n - 1]!.fx) {
      simplex[n] = { x: reflected, fx: fr };
      continue;
    }
    // Contract towards the better of the worst point and its reflection.
    const outside = fr < worst.fx;
    const contracted = outside ? combine(centroid, 1.5, worst.x, -0.5) : combine(centroid, 0.5, worst.x, 0.5);
    const fc = value(contracted);
    if (fc < (outside ? fr : worst.fx)) {
      simplex[n] = { x: contracted, fx: fc };
      continue;
    }
    simplex = simplex.map((v, j) => {
      if (j === 0) return v;
      const x = combine(best.x, 0.5, v.x, 0.5);
      return { x, fx: value(x) };
    });
  }
  simplex.sort((p, q) => p.fx - q.fx);
  return { x: simplex[0]!.x, fx: simplex[0]!.fx, iterations, converged };
}

/**
 * Nelder–Mead restarted from its own answer until a restart no longer improves f: a simplex
 * can collapse on a long, flat ridge (BG/NBD's b is one) before it reaches the minimum.
 */
export function minimise(f: (x: number[]) => number, start: readonly number[], options: NelderMeadOptions & { restarts?: number } = {}): Minimum {
  let result = nelderMead(f, start, options);
  let iterations = result.iterations;
  for (let i = 0; i < (options.restarts ?? 5); i++) {
    const next = nelderMead(f, result.x, { ...options, initialStep: (options.initialStep ?? 0.25) / 2 });
    iterations += next.iterations;
    const improved = result.fx - next.fx;
    if (next.fx <= result.fx) result = next;
    if (!(improved > (options.fTolerance ?? 1e-10))) break;
  }
  return { ...result, iterations };
}
