/** One build stage of a Dockerfile: what `FROM` starts it from and the `USER`s it sets. */
export interface DockerfileStage {
  /** `FROM <base>` as written (may hold `$ARG` references). */
  base: string;
  /** `AS <name>`, lower-cased (stage names are case-insensitive). */
  name?: string;
  /** Arguments of each `USER` instruction of the stage, in order. */
  users: string[];
}

/**
 * The stages of a Dockerfile, enough to answer "which user does the built image
 * run as": logical lines (continuations joined, comment lines dropped, heredoc
 * bodies skipped), instructions matched case-insensitively, the `# escape=`
 * parser directive honoured.
 */
export function dockerfileStages(text: string): DockerfileStage[] {
  const stages: DockerfileStage[] = [];
  for (const line of logicalLines(text)) {
    const match = /^\s*([A-Za-z]+)(?:\s+([\s\S]*))?$/.exec(line);
    if (!match) continue;
    const instruction = match[1].toUpperCase();
    const args = (match[2] ?? '').trim();
    if (instruction === 'FROM') {
      const words = args.split(/\s+/).filter((word) => !word.startsWith('--'));
      if (words.length === 0) continue;
      const stage: DockerfileStage = { base: words[0], users: [] };
      if (words.length >= 3 && words[1].toLowerCase() === 'as') stage.name = words[2].toLowerCase();
      stages.push(stage);
    } else if (instruction === 'USER' && stages.length > 0 && args !== '') {
      stages[stages.length - 1].users.push(args.split(/\s+/)[0]);
    }
  }
  return stages;
}

/**
 * The user the stage's image runs as, following `FROM <earlier stage>`:
 * `undefined` when neither the stage nor its ancestors in this file set one
 * (the base image's user, unknown here), plus the stage whose base decides then.
 */
export function effectiveUser(stages: DockerfileStage[], index: number): { user?: string; root: DockerfileStage } {
  let current = index;
  // Each step goes to an earlier stage, so this ends.
  for (;;) {
    const stage = stages[current];
    if (stage.users.length > 0) return { user: stage.users[stage.users.length - 1], root: stage };
    const base = stage.base.toLowerCase();
    let parent = -1;
    for (let i = current - 1; i >= 0; i--) {
      if (stages[i].name === base) {
        parent = i;
        break;
      }
    }
    if (parent < 0) return { root: stage };
    current = parent;
  }
}

/** The stage `docker build --target` builds: the named one, else the last. */
export function targetStageIndex(stages: DockerfileStage[], target: string | undefined): number {
  if (target !== undefined) {
    const wanted = target.toLowerCase();
    const index = stages.findIndex((stage) => stage.name === wanted);
    if (index >= 0) return index;
  }
  return stages.length - 1;
}

function logicalLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  let escape = '\\';
  // Parser directives: leading `# key=value` comments before anything else.
  for (const line of lines) {
    const directive = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(line);
    if (!directive) break;
    if (directive[1].toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) escape = directive[2];
  }
  const out: string[] = [];
  let current: string | undefined;
  let heredocs: { word: string; strip: boolean }[] = [];
  for (const raw of lines) {
    if (heredocs.length > 0) {
      const { word, strip } = heredocs[0];
      if ((strip ? raw.replace(/^\t+/, '') : raw) === word) heredocs.shift();
      continue;
    }
    if (current !== undefined && /^\s*#/.test(raw)) continue; // comment inside a continuation
    if (current === undefined && (/^\s*#/.test(raw) || raw.trim() === '')) continue;
    const trimmedEnd = raw.replace(/\s+$/, '');
    const continued = trimmedEnd.endsWith(escape);
    const part = continued ? trimmedEnd.slice(0, -1) : raw;
    current = current === undefined ? part : `${current} ${part}`;
    if (continued) continue;
    out.push(current);
    heredocs = heredocMarkers(current);
    current = undefined;
  }
  if (current !== undefined) out.push(current);
  return out;
}

function heredocMarkers(line: string): { word: string; strip: boolean }[] {
  const out: { word: string; strip: boolean }[] = [];
  for (const match of line.matchAll(/<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g)) out.push({ word: match[3], strip: match[1] === '-' });
  return out;
}
