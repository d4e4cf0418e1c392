/** The workspace a request came from, wherever this kind of payload keeps it ('' when it has none). */
export function teamOf(body: unknown): string {
  const b = body as { team_id?: string; team?: { id?: string } | null; user?: { team_id?: string } };
  return b.team_id ?? b.team?.id ?? b.user?.team_id ?? '';
}
