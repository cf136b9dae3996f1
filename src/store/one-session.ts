// Whether a Prisma client talks to a database through ONE session: the embedded PGlite, where every statement and
// transaction of the process runs one at a time. There a statement sees everything committed before it and nothing
// commits while it runs, so a write that checks what it depends on in the same statement needs no lock nor
// transaction around it. A PostgreSQL server has several sessions: such writes lock first.
const oneSession = new WeakSet<object>();

/** Called by whoever opens the client on an embedded PGlite (store/database.ts, a test's second client). */
export function markOneSession(prisma: object): void {
  oneSession.add(prisma);
}

export const isOneSession = (prisma: object): boolean => oneSession.has(prisma);
