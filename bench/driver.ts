import http from 'node:http';

/**
 * The HTTP load driver: `users` concurrent clients on keep-alive connections, each sending its next
 * request as soon as the last answer arrives (a closed loop, like autocannon), until `requests`
 * have been sent or `seconds` have passed. Every latency is kept, so p50 and p95 are exact
 * (autocannon reports p50/p97.5/p99 but not the p95 the targets are set in).
 */

export interface LoadResult {
  requests: number;
  errors: number;
  /** Status codes other than 200, counted. */
  statuses: Record<string, number>;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  max: number;
}

export interface LoadOptions {
  baseUrl: string;
  /** The path of request n (so a scenario can rotate over people, names, pages). */
  path: (n: number) => string;
  headers: Record<string, string>;
  users: number;
  seconds?: number;
  requests?: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.users });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let sent = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = options.seconds ? started + options.seconds * 1000 : Infinity;
  const limit = options.requests ?? Infinity;
  const one = (n: number) =>
    new Promise<void>((resolve) => {
      const t = performance.now();
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: options.path(n),
          method: 'GET',
          agent,
          headers: options.headers,
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            latencies.push(performance.now() - t);
            if (response.statusCode !== 200)
              statuses[String(response.statusCode)] = (statuses[String(response.statusCode)] ?? 0) + 1;
            resolve();
          });
        },
      );
      request.on('error', () => {
        errors += 1;
        resolve();
      });
      request.end();
    });
  const client = async () => {
    while (sent < limit && performance.now() < deadline) await one(sent++);
  };
  await Promise.all(Array.from({ length: options.users }, client));
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    statuses,
    seconds,
    throughput: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    max: latencies[latencies.length - 1] ?? NaN,
  };
}

/** Times `work` run `runs` times one after another (after a warm-up), or by `users` at once. */
export async function timeWork(
  runs: number,
  work: (n: number) => Promise<unknown>,
  users = 1,
): Promise<{ p50: number; p95: number; throughput: number }> {
  for (let i = 0; i < Math.min(3, runs); i++) await work(i);
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (next < runs) {
        const n = next++;
        const t = performance.now();
        await work(n);
        samples.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    throughput: samples.length / seconds,
  };
}
