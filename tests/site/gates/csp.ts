/**
 * The Content-Security-Policy gate: parse a policy and list what makes it weaker than the site needs —
 * no 'unsafe-inline' / 'unsafe-eval' / 'unsafe-hashes' anywhere, scripts only from the origin (or
 * hashes), workers (MapLibre's) only from the origin, nothing from another origin, no plugins.
 */
export type Policy = Map<string, string[]>;

export function parseCsp(text: string): { policy: Policy; problems: string[] } {
  const policy: Policy = new Map();
  const problems: string[] = [];
  for (const part of text.split(';')) {
    const tokens = part.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) continue;
    const name = tokens[0]!.toLowerCase();
    if (!/^[a-z-]+$/.test(name)) problems.push(`"${tokens[0]}" is not a directive name`);
    else if (policy.has(name)) problems.push(`${name} appears twice (browsers ignore the second)`);
    else policy.set(name, tokens.slice(1));
  }
  return { policy, problems };
}

/** The sources that apply to a directive, following CSP's fallback chain. */
export function effective(policy: Policy, directive: string): string[] | undefined {
  const chains: Record<string, string[]> = {
    'script-src': ['script-src', 'default-src'],
    'style-src': ['style-src', 'default-src'],
    'worker-src': ['worker-src', 'child-src', 'script-src', 'default-src'],
    'connect-src': ['connect-src', 'default-src'],
    'img-src': ['img-src', 'default-src'],
    'font-src': ['font-src', 'default-src'],
    'object-src': ['object-src', 'default-src'],
    'frame-src': ['frame-src', 'child-src', 'default-src'],
  };
  for (const d of chains[directive] ?? [directive]) {
    const v = policy.get(d);
    if (v) return v;
  }
  return undefined;
}

const HASH_OR_NONCE = /^'(sha(256|384|512)-[A-Za-z0-9+/=_-]+|nonce-[A-Za-z0-9+/=_-]+)'$/;

export function checkCsp(text: string): string[] {
  const { policy, problems } = parseCsp(text);
  for (const [name, sources] of policy) {
    for (const s of sources) {
      if (/^'unsafe-(inline|eval|hashes)'$/i.test(s)) problems.push(`${name} allows ${s}`);
      if (s === '*' || /^(https?|wss?|ftp):?$/i.test(s) || /^(https?:\/\/|\*\.|[a-z0-9-]+\.[a-z])/i.test(s))
        problems.push(`${name} allows another origin: ${s}`);
    }
  }
  if (!policy.has('default-src')) problems.push('no default-src');
  const script = effective(policy, 'script-src');
  if (!script) problems.push('scripts are not restricted (no script-src or default-src)');
  else for (const s of script) if (s !== "'self'" && !HASH_OR_NONCE.test(s)) problems.push(`scripts allowed from ${s}`);
  const worker = effective(policy, 'worker-src');
  if (!worker || worker.length !== 1 || worker[0] !== "'self'")
    problems.push(`workers must be same-origin only ('self'), got: ${worker?.join(' ') ?? '(unrestricted)'}`);
  const object = effective(policy, 'object-src');
  if (!object || object.join(' ') !== "'none'") problems.push(`object-src must be 'none', got: ${object?.join(' ') ?? '(unrestricted)'}`);
  if (!policy.has('base-uri')) problems.push('no base-uri');
  return problems;
}
