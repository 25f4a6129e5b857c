/**
 * A migration script cut into its statements at the semicolons that end them — not at those inside
 * quotes, quoted identifiers, comments or dollar-quoted bodies (`$$ … $$`, `$fn$ … $fn$`). adapter-pg's
 * `executeScript`, which the schema engine applies migrations with, cuts at every `;`, so a PL/pgSQL
 * function (or a `;` in a comment) could not be migrated. Statements that are only comments are left out.
 */
export function splitSqlScript(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let hasCode = false;
  let i = 0;
  const push = (end: number) => {
    const statement = script.slice(start, end).trim();
    if (hasCode && statement) statements.push(statement);
    start = end + 1;
    hasCode = false;
  };
  while (i < script.length) {
    const char = script[i]!;
    const next = script[i + 1];
    if (char === "-" && next === "-") {
      const end = script.indexOf("\n", i);
      i = end === -1 ? script.length : end + 1;
      continue;
    }
    if (char === "/" && next === "*") {
      i = skipBlockComment(script, i);
      continue;
    }
    if (char === ";") {
      push(i);
      i++;
      continue;
    }
    if (!/\s/.test(char)) hasCode = true;
    if (char === "'" || char === '"') {
      i = skipQuoted(script, i, char);
      continue;
    }
    // A dollar quote starts a token: in `a$b$c` the dollars belong to the identifier.
    if (char === "$" && !/[A-Za-z0-9_]/.test(script[i - 1] ?? "")) {
      const tag = /^\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$/.exec(script.slice(i))?.[0];
      if (tag) {
        const end = script.indexOf(tag, i + tag.length);
        i = end === -1 ? script.length : end + tag.length;
        continue;
      }
    }
    i++;
  }
  push(script.length);
  return statements;
}

/** Past a quoted string or identifier; a doubled quote is part of it. */
function skipQuoted(script: string, from: number, quote: string): number {
  let i = from + 1;
  while (i < script.length) {
    if (script[i] === quote) {
      if (script[i + 1] !== quote) return i + 1;
      i += 2;
      continue;
    }
    i++;
  }
  return i;
}

/** Past a block comment, which PostgreSQL lets nest. */
function skipBlockComment(script: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < script.length) {
    if (script.startsWith("/*", i)) {
      depth++;
      i += 2;
    } else if (script.startsWith("*/", i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return i;
}
