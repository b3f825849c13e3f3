// Parses the small subset of Ollama's Modelfile that `models setup` needs (FROM, SYSTEM, PARAMETER) into /api/create fields.

export interface ModelfileSpec {
  from: string;
  system?: string;
  /** PARAMETER lines; repeated keys (such as stop) become arrays. */
  parameters: Record<string, string | number | boolean | Array<string | number>>;
}

export class ModelfileError extends Error {}

/** Reads FROM, SYSTEM (one line, or """ … """ over several lines) and PARAMETER; other instructions are refused clearly. */
export function parseModelfile(text: string): ModelfileSpec {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let from: string | undefined;
  let system: string | undefined;
  const parameters: ModelfileSpec['parameters'] = {};
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(\S+)\s*(.*)$/.exec(line)!;
    const instr = m[1]!.toUpperCase();
    let rest = m[2] ?? '';
    if (rest.startsWith('"""')) {
      rest = rest.slice(3);
      const collected: string[] = [];
      let closed = false;
      for (let j = i; j < lines.length; j++) {
        const piece = j === i ? rest : lines[j]!;
        const end = piece.indexOf('"""');
        if (end !== -1) {
          collected.push(piece.slice(0, end));
          i = j;
          closed = true;
          break;
        }
        collected.push(piece);
      }
      if (!closed) throw new ModelfileError(`Modelfile line ${i + 1}: """ is never closed`);
      rest = collected.join('\n');
    } else if (rest.length >= 2 && rest.startsWith('"') && rest.endsWith('"')) {
      rest = rest.slice(1, -1);
    }
    switch (instr) {
      case 'FROM':
        if (rest.trim() === '') throw new ModelfileError('Modelfile: FROM needs a model name');
        from = rest.trim();
        break;
      case 'SYSTEM':
        system = rest;
        break;
      case 'PARAMETER': {
        const p = /^(\S+)\s+(.+)$/.exec(rest.trim());
        if (!p) throw new ModelfileError(`Modelfile line ${i + 1}: PARAMETER needs a name and a value`);
        const key = p[1]!;
        const value = parseValue(p[2]!.trim());
        const prev = parameters[key];
        if (prev === undefined) parameters[key] = value;
        else parameters[key] = [...(Array.isArray(prev) ? prev : [prev as string | number]), value as string | number];
        break;
      }
      default:
        throw new ModelfileError(`Modelfile line ${i + 1}: ${instr} is not supported here (only FROM, SYSTEM, PARAMETER)`);
    }
  }
  if (!from) throw new ModelfileError('Modelfile: FROM is missing');
  return system === undefined ? { from, parameters } : { from, system, parameters };
}

function parseValue(v: string): string | number | boolean {
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1);
  return v;
}
